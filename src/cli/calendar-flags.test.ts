import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { tempDir } from "../../test/helpers.js";
import { parseCalendarFlags } from "./calendar-flags.js";

const { dir, cleanup } = tempDir("avails-calendar-flags-");
afterAll(cleanup);

describe("parseCalendarFlags(raw)", () => {
  test("no calendar flag gives undefined: the run learns no calendar effects", async () => {
    expect(await parseCalendarFlags({})).toBeUndefined();
    expect(await parseCalendarFlags({ shoppingDays: false })).toBeUndefined();
  });

  test("--holidays takes auto, none or a two-letter code, upper-cased", async () => {
    expect((await parseCalendarFlags({ holidays: "auto" }))?.holidays).toBe("auto");
    expect((await parseCalendarFlags({ holidays: "none" }))?.holidays).toBe("none");
    expect(await parseCalendarFlags({ holidays: "se" })).toEqual({
      holidays: "SE",
      userEvents: [],
      shoppingDays: false,
      lead: 0,
      lag: 0,
    });
    // A code without built-in holidays is allowed: it gets its events-file events only.
    expect((await parseCalendarFlags({ holidays: "IN" }))?.holidays).toBe("IN");
  });

  test("any calendar flag turns the calendar on with --holidays auto", async () => {
    expect(await parseCalendarFlags({ shoppingDays: true })).toEqual({
      holidays: "auto",
      userEvents: [],
      shoppingDays: true,
      lead: 0,
      lag: 0,
    });
    expect(await parseCalendarFlags({ eventLead: "2", eventLag: "31" })).toMatchObject({
      holidays: "auto",
      lead: 2,
      lag: 31,
    });
  });

  test("bad --holidays, --event-lead and --event-lag throw errors naming the flag", async () => {
    for (const holidays of ["", "s", "SWE", "s1", "*"]) {
      await expect(parseCalendarFlags({ holidays })).rejects.toThrow(/^--holidays: /);
    }
    for (const days of ["", "-1", "32", "1.5", "x", "1e1"]) {
      await expect(parseCalendarFlags({ eventLead: days })).rejects.toThrow(/^--event-lead: .* 0 to 31/);
      await expect(parseCalendarFlags({ eventLag: days })).rejects.toThrow(/^--event-lag: .* 0 to 31/);
    }
  });

  test("--events reads the file's events", async () => {
    const path = join(dir, "events.csv");
    writeFileSync(path, "name,market,start,end\nSummer sale,*,2026-06-01,2026-06-03\n");
    const settings = await parseCalendarFlags({ events: path, holidays: "none" });
    expect(settings?.holidays).toBe("none");
    expect(settings?.userEvents).toEqual([
      { id: "summer_sale", name: "Summer sale", market: "*", start: "2026-06-01", end: "2026-06-03" },
    ]);
  });

  test("a bad or missing events file throws an error naming --events, the file, the line and the field", async () => {
    const path = join(dir, "bad.csv");
    writeFileSync(path, "name,market,start,end\nSale,SE,2026-06-01,\nSale,SE,2026-13-01,\n");
    await expect(parseCalendarFlags({ events: path })).rejects.toThrow(
      `--events: ${path}:3: start: "2026-13-01" is not a date (YYYY-MM-DD)`,
    );
    await expect(parseCalendarFlags({ events: join(dir, "none.csv") })).rejects.toThrow(
      /^--events: cannot read events file .*none\.csv: no such file/,
    );
    await expect(parseCalendarFlags({ events: "" })).rejects.toThrow(/^--events: /);
  });
});
