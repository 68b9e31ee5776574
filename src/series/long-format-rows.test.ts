import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Frequency } from "./frequency.js";
import { LongFormatRows } from "./long-format-rows.js";

/** The rows collected from `text`, fed in chunks of whole lines cut after the given line numbers. */
function collect(text: string, freq: Frequency, cuts: readonly number[] = []) {
  const rows = new LongFormatRows("in.csv", freq);
  const lines = text.split(/(?<=\n)/);
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < lines.length)]
    .sort((a, b) => a - b)
    .concat(lines.length)) {
    if (cut > from) rows.push(Buffer.from(lines.slice(from, cut).join(""), "utf8"));
    from = Math.max(from, cut);
  }
  return [...rows.finish()].map(([id, r]) => ({
    id,
    times: Array.from(r.times.subarray(0, r.length)),
    ys: Array.from(r.ys.subarray(0, r.length), (y) => (Object.is(y, -0) ? "-0" : y)),
    lines: Array.from(r.lines.subarray(0, r.length)),
    missing: r.missing,
  }));
}

const ids = fc.constantFrom("a", "geo=FR|device=tablet", "ü-ñ", "x y", "b");
const hours = fc.integer({ min: 0, max: 24 * 70 });
const ys = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
  fc.constantFrom("", "NA", "NaN", "1e3", " 7 ", "+2", "0.1", "-0", "5.", ".5", "12345678901234567"),
);

function hourlyDs(hour: number, form: number): string {
  const iso = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000).toISOString();
  const canonical = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return [
    canonical,
    canonical,
    `${iso.slice(0, 19)}`,
    `${iso.slice(0, 19)}Z`,
    ` ${canonical}`,
    iso.slice(0, 16),
  ][form];
}

describe("LongFormatRows(path, freq)", () => {
  test("reads plain rows from bytes as the general path reads the same rows quoted", () => {
    const row = fc.tuple(ids, hours, fc.integer({ min: 0, max: 5 }), ys);
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 60, selector: ([id, hour]) => `${id}@${hour}` }),
        fc.array(fc.integer({ min: 1, max: 60 })),
        (rows, cuts) => {
          const plain = rows.map(([id, hour, form, y]) => `${id},${hourlyDs(hour, form)},${y}`);
          const quoted = rows.map(([id, hour, form, y]) => `"${id}","${hourlyDs(hour, form)}","${y}"`);
          const fast = collect(`unique_id,ds,y\n${plain.join("\n")}\n`, "hourly", cuts);
          expect(fast).toEqual(collect(`unique_id,ds,y\n${quoted.join("\r\n")}`, "hourly"));
        },
      ),
    );
  });

  test("reads daily dates, other columns and blank lines, numbering rows by their line", () => {
    const text = "y,note,ds,unique_id\n1.5,x,2026-01-01,s\n\n2,,2026-01-02,s\n-3,z,2026-01-01,t\n";
    expect(collect(text, "daily")).toEqual([
      {
        id: "s",
        times: [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2)],
        ys: [1.5, 2],
        lines: [2, 4],
        missing: 0,
      },
      { id: "t", times: [Date.UTC(2026, 0, 1)], ys: [-3], lines: [5], missing: 0 },
    ]);
  });

  test("names the line and field of a bad row, whichever path reads it", () => {
    const bad =
      (rows: string, freq: Frequency = "hourly") =>
      () =>
        collect(`unique_id,ds,y\ns,2026-01-01 00:00:00,1\n${rows}\n`, freq);
    expect(bad("s,2026-01-01 25:00:00,1")).toThrow('in.csv:3: ds "2026-01-01 25:00:00" is not a timestamp');
    expect(bad("s,2026-02-30 01:00:00,1")).toThrow('in.csv:3: ds "2026-02-30 01:00:00" is not a timestamp');
    expect(bad("s,2026-01-01,1")).toThrow(
      'in.csv:3: ds "2026-01-01" is not a timestamp (YYYY-MM-DD HH:MM:SS); is the data daily?',
    );
    expect(bad("s,2026-01-01 01:00:00,1x")).toThrow('in.csv:3: y "1x" is not a number');
    expect(bad("s,2026-01-01 01:00:00")).toThrow("in.csv:3: 2 fields where the header has 3");
    expect(bad(",2026-01-01 01:00:00,1")).toThrow("in.csv:3: unique_id is empty");
    expect(bad('s,"2026-01-01 01:00:00,1')).toThrow("in.csv:3: unterminated quoted field");
    expect(() => collect("unique_id,ds\n", "daily")).toThrow("in.csv:1: no y column in the header");
    expect(() => collect("\n\n", "daily")).toThrow("in.csv: empty file");
    expect(() => collect("unique_id,ds,y\n", "daily")).toThrow("in.csv: no rows after the header");
  });
});
