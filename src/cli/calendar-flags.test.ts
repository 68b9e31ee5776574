import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { tempDir } from "../../test/helpers.js";
import { parseCalendarFlags } from "./calendar-flags.js";

const { dir, cleanup } = tempDir("avails-calendar-flags-");
afterAll(cleanup);

describe("parseCalendarFlags(raw, freq)", () => {
  test("refuses calendar flags on weekly, monthly and quarterly data, naming the flags and the frequency", async () => {
    for (const freq of ["weekly", "monthly", "quarterly"]) {
      await expect(parseCalendarFlags({ holidays: "auto" }, freq)).rejects.toThrow(
        `--holidays, --events, --shopping-days: calendar effects need --freq hourly or daily, not ${freq}`,
      );
    }
    expect(await parseCalendarFlags({}, "weekly")).toBeUndefined();
    expect((await parseCalendarFlags({ holidays: "auto" }, "hourly"))?.holidays).toBe("auto");
  });

  test("no calendar flag gives undefined: the run learns no calendar effects", async () => {
    expect(await parseCalendarFlags({}, "daily")).toBeUndefined();
    expect(await parseCalendarFlags({ shoppingDays: false }, "daily")).toBeUndefined();
  });

  test("--holidays takes auto, none or a two-letter code, upper-cased", async () => {
    expect((await parseCalendarFlags({ holidays: "auto" }, "daily"))?.holidays).toBe("auto");
    expect((await parseCalendarFlags({ holidays: "none" }, "daily"))?.holidays).toBe("none");
    expect(await parseCalendarFlags({ holidays: "se" }, "daily")).toEqual({
      holidays: "SE",
      userEvents: [],
      shoppingDays: false,
      lead: 0,
      lag: 0,
    });
    // A code without built-in holidays is allowed: it gets its events-file events only.
    expect((await parseCalendarFlags({ holidays: "IN" }, "daily"))?.holidays).toBe("IN");
  });

  test("any calendar flag turns the calendar on with --holidays auto", async () => {
    expect(await parseCalendarFlags({ shoppingDays: true }, "daily")).toEqual({
      holidays: "auto",
      userEvents: [],
      shoppingDays: true,
      lead: 0,
      lag: 0,
    });
    expect(await parseCalendarFlags({ eventLead: "2", eventLag: "31" }, "daily")).toMatchObject({
      holidays: "auto",
      lead: 2,
      lag: 31,
    });
  });

  test("bad --holidays, --event-lead and --event-lag throw errors naming the flag", async () => {
    for (const holidays of ["", "s", "SWE", "s1", "*"]) {
      await expect(parseCalendarFlags({ holidays }, "daily")).rejects.toThrow(/^--holidays: /);
    }
    for (const days of ["", "-1", "32", "1.5", "x", "1e1"]) {
      await expect(parseCalendarFlags({ eventLead: days }, "daily")).rejects.toThrow(
        /^--event-lead: .* 0 to 31/,
      );
      await expect(parseCalendarFlags({ eventLag: days }, "daily")).rejects.toThrow(
        /^--event-lag: .* 0 to 31/,
      );
    }
  });

  test("--events reads the file's events", async () => {
    const path = join(dir, "events.csv");
    writeFileSync(path, "name,market,start,end\nSummer sale,*,2026-06-01,2026-06-03\n");
    const settings = await parseCalendarFlags({ events: path, holidays: "none" }, "daily");
    expect(settings?.holidays).toBe("none");
    expect(settings?.userEvents).toEqual([
      { id: "summer_sale", name: "Summer sale", market: "*", start: "2026-06-01", end: "2026-06-03" },
    ]);
  });

  test("a bad or missing events file throws an error naming --events, the file, the line and the field", async () => {
    const path = join(dir, "bad.csv");
    writeFileSync(path, "name,market,start,end\nSale,SE,2026-06-01,\nSale,SE,2026-13-01,\n");
    await expect(parseCalendarFlags({ events: path }, "daily")).rejects.toThrow(
      `--events: ${path}:3: start: "2026-13-01" is not a date (YYYY-MM-DD)`,
    );
    await expect(parseCalendarFlags({ events: join(dir, "none.csv") }, "daily")).rejects.toThrow(
      /^--events: cannot read events file .*none\.csv: no such file/,
    );
    await expect(parseCalendarFlags({ events: "" }, "daily")).rejects.toThrow(/^--events: /);
  });
});
