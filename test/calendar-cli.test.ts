import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cli, tempDir } from "./helpers.js";

const { dir, cleanup } = tempDir("avails-calendar-cli-");
afterAll(cleanup);

const DAY_MS = 86_400_000;
/** German public holidays at Christmas and New Year, where the series' traffic halves. */
const HOLIDAYS = ["12-25", "12-26", "01-01"];

/**
 * Daily weekly-seasonal traffic of `id` from 2023-01-02 to the day before `end`, deterministic, halved on
 * HOLIDAYS and doubled on the `sale` dates.
 */
function daily(id: string, end: string, sale: readonly string[] = []): string {
  const rows = ["unique_id,ds,y"];
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let t = Date.UTC(2023, 0, 2), i = 0; t < last; t += DAY_MS, i++) {
    const ds = new Date(t).toISOString().slice(0, 10);
    const week = [0.7, 1.0, 1.1, 1.15, 1.2, 1.3, 0.8][new Date(t).getUTCDay()];
    let y = 1000 * week * (1 + i / 2000) * (1 + 0.05 * Math.sin(i * 12.9898));
    if (HOLIDAYS.includes(ds.slice(5))) y *= 0.5;
    if (sale.includes(ds)) y *= 2;
    rows.push(`${id},${ds},${Math.round(y)}`);
  }
  return `${rows.join("\n")}\n`;
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The forecast means of a written file by date. */
function means(path: string): Map<string, number> {
  const lines = readFileSync(path, "utf8").trim().split("\n").slice(1);
  return new Map(lines.map((line) => [line.split(",")[1], Number(line.split(",")[2])]));
}

const SALES = ["2023-12-20", "2024-12-20", "2025-12-20"];
// History to 2025-12-14: a 21-day horizon holds Christmas, the sale and New Year.
const input = write("de.csv", daily("geo=DE|device=mobile", "2025-12-15"));
const saleInput = write("sale.csv", daily("total", "2025-12-15", SALES));
const base = ["--freq", "daily", "--horizon", "21"];

describe("avails forecast with calendar flags", () => {
  test("--holidays auto forecasts the geo=DE holidays well below the same weekday a week before", async () => {
    const output = join(dir, "holidays.csv");
    const plain = join(dir, "plain.csv");
    const [result, without] = await Promise.all([
      cli(["forecast", "--input", input, ...base, "--holidays", "auto", "--output", output]),
      cli(["forecast", "--input", input, ...base, "--output", plain]),
    ]);
    expect(result.code).toBe(0);
    expect(without.code).toBe(0);
    const withCalendar = means(output);
    const withoutCalendar = means(plain);
    // 2026-01-01 is a Thursday, as 2025-12-18 (2025-12-25, a week before, is a holiday itself).
    for (const [holiday, sameWeekday] of [
      ["2025-12-25", "2025-12-18"],
      ["2025-12-26", "2025-12-19"],
      ["2026-01-01", "2025-12-18"],
    ]) {
      expect(withCalendar.get(holiday)).toBeLessThan(0.6 * (withCalendar.get(sameWeekday) ?? 0));
      expect(withoutCalendar.get(holiday)).toBeGreaterThan(0.9 * (withoutCalendar.get(sameWeekday) ?? 0));
    }
    expect(readFileSync(output, "utf8")).toContain("with events (x0.");
    expect(readFileSync(plain, "utf8")).not.toContain("with events");
  });

  test("--events learns a user event of the file and forecasts it; ids without geo=XX are warned about", async () => {
    const events = write(
      "events.csv",
      `name,market,start,end\n${SALES.map((date) => `Winter sale,*,${date},`).join("\n")}\n`,
    );
    const output = join(dir, "sale-out.csv");
    const result = await cli([
      "forecast",
      "--input",
      saleInput,
      ...base,
      "--events",
      events,
      "--output",
      output,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: series "total": no geo=XX in the id');
    const forecast = means(output);
    expect(forecast.get("2025-12-20")).toBeGreaterThan(
      1.6 * (forecast.get("2025-12-27") ?? Number.POSITIVE_INFINITY),
    );
  });

  test("bad calendar flag values are errors naming the flag, and write no output", async () => {
    const cases: [string[], RegExp][] = [
      [["--holidays", "Germany"], /--holidays: "Germany" is not auto, none or a two-letter market code/],
      [["--event-lead", "32"], /--event-lead: "32" is not a whole number of days from 0 to 31/],
      [["--event-lag", "-1"], /--event-lag: "-1" is not a whole number of days from 0 to 31/],
      [
        ["--events", join(dir, "missing.csv")],
        /--events: cannot read events file .*missing\.csv: no such file/,
      ],
    ];
    for (const [i, [flags, message]] of cases.entries()) {
      const output = join(dir, `bad-${i}.csv`);
      const result = await cli(["forecast", "--input", input, ...base, ...flags, "--output", output]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(existsSync(output)).toBe(false);
    }
  });

  test("a bad events file is an error naming the file, the line and the field, and writes no output", async () => {
    const events = write(
      "bad-events.csv",
      "name,market,start,end\nSale,DE,2025-12-20,\nSale,DE,2025-12-32,\n",
    );
    const output = join(dir, "bad-events-out.csv");
    const result = await cli(["forecast", "--input", input, ...base, "--events", events, "--output", output]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`--events: ${events}:3: start: "2025-12-32" is not a date (YYYY-MM-DD)`);
    expect(existsSync(output)).toBe(false);
  });
});

describe("avails backtest with calendar flags", () => {
  // Two 14-day folds ending 2026-01-10: both hold holidays.
  const history = write("de-backtest.csv", daily("geo=DE|device=mobile", "2026-01-11"));
  const flags = ["--input", history, "--freq", "daily", "--horizon", "14", "--windows", "2", "--json"];

  test("--holidays auto beats the run without on folds that hold the holidays", async () => {
    const [withCalendar, without] = await Promise.all([
      cli(["backtest", ...flags, "--holidays", "auto"]),
      cli(["backtest", ...flags]),
    ]);
    expect(withCalendar.code).toBe(0);
    expect(without.code).toBe(0);
    const mase = (stdout: string): number => JSON.parse(stdout).models[0].mase;
    expect(mase(withCalendar.stdout)).toBeLessThan(0.75 * mase(without.stdout));
    // The summary counts the chosen models, not each fold's learned effects: one model, both folds.
    const chosen = JSON.parse(withCalendar.stdout).models[0].chosen;
    expect(Object.values(chosen)).toEqual([2]);
    expect(Object.keys(chosen)[0]).toMatch(/^auto: [a-z_(), ]+ with events$/);
  });

  test("a bad --holidays is an error naming the flag", async () => {
    const result = await cli(["backtest", ...flags, "--holidays", "x"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--holidays: "x" is not auto, none or a two-letter market code');
    expect(result.stdout).toBe("");
  });
});
