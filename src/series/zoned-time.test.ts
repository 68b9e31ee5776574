import { describe, expect, it } from "vitest";
import { localDate, zonedDayStart, zoneOffsetMs } from "./zoned-time.js";

const HOUR = 3_600_000;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe("zoneOffsetMs", () => {
  it("zoneOffsetMs(instant, zone) is 0 for UTC", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), "UTC")).toBe(0);
  });

  it("zoneOffsetMs(instant, zone) follows Stockholm's DST changes at 01:00 UTC", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), "Europe/Stockholm")).toBe(HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), "Europe/Stockholm")).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 1) - 1, "Europe/Stockholm")).toBe(HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 1), "Europe/Stockholm")).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 9, 25, 1) - 1, "Europe/Stockholm")).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 9, 25, 1), "Europe/Stockholm")).toBe(HOUR);
  });

  it("zoneOffsetMs(instant, zone) follows New York's DST changes, negative west of Greenwich", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 2, 8, 7) - 1, "America/New_York")).toBe(-5 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 8, 7), "America/New_York")).toBe(-4 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 10, 1, 6) - 1, "America/New_York")).toBe(-4 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 10, 1, 6), "America/New_York")).toBe(-5 * HOUR);
  });

  it("zoneOffsetMs(instant, zone) gives half- and quarter-hour offsets", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), "Asia/Kathmandu")).toBe(5.75 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), "America/St_Johns")).toBe(-3.5 * HOUR);
  });

  it("zoneOffsetMs(instant, zone) is a whole offset for instants with milliseconds", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1, 12, 34, 56, 789), "Europe/Stockholm")).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.UTC(1969, 11, 31, 23, 59, 59, 999), "UTC")).toBe(0);
  });
});

describe("zonedDayStart", () => {
  it("zonedDayStart(date, zone) is UTC midnight in UTC", () => {
    expect(zonedDayStart("2026-11-25", "UTC")).toBe(Date.UTC(2026, 10, 25));
  });

  it("zonedDayStart(date, zone) is local midnight in Stockholm, winter and summer", () => {
    expect(zonedDayStart("2026-12-01", "Europe/Stockholm")).toBe(Date.UTC(2026, 10, 30, 23));
    expect(zonedDayStart("2026-07-01", "Europe/Stockholm")).toBe(Date.UTC(2026, 5, 30, 22));
  });

  it("zonedDayStart(date, zone) gives Stockholm a 23-hour day when DST starts and a 25-hour day when it ends", () => {
    expect(zonedDayStart("2026-03-29", "Europe/Stockholm")).toBe(Date.UTC(2026, 2, 28, 23));
    expect(zonedDayStart("2026-03-30", "Europe/Stockholm")).toBe(Date.UTC(2026, 2, 29, 22));
    expect(zonedDayStart("2026-10-25", "Europe/Stockholm")).toBe(Date.UTC(2026, 9, 24, 22));
    expect(zonedDayStart("2026-10-26", "Europe/Stockholm")).toBe(Date.UTC(2026, 9, 25, 23));
  });

  it("zonedDayStart(date, zone) gives New York a 23-hour day when DST starts and a 25-hour day when it ends", () => {
    expect(zonedDayStart("2026-03-08", "America/New_York")).toBe(Date.UTC(2026, 2, 8, 5));
    expect(zonedDayStart("2026-03-09", "America/New_York")).toBe(Date.UTC(2026, 2, 9, 4));
    expect(zonedDayStart("2026-11-01", "America/New_York")).toBe(Date.UTC(2026, 10, 1, 4));
    expect(zonedDayStart("2026-11-02", "America/New_York")).toBe(Date.UTC(2026, 10, 2, 5));
  });

  it("zonedDayStart(date, zone) handles a half-hour offset (Asia/Kolkata)", () => {
    expect(zonedDayStart("2026-01-02", "Asia/Kolkata")).toBe(Date.UTC(2026, 0, 1, 18, 30));
  });

  it("zonedDayStart(date, zone) starts each day of 2026 at the first instant of that local day", () => {
    for (const zone of ["UTC", "Europe/Stockholm", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"]) {
      let day = "2026-01-01";
      while (day < "2027-01-01") {
        const start = zonedDayStart(day, zone);
        const previous = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        if (localDate(start, zone) !== day || localDate(start - 1, zone) !== previous) {
          throw new Error(`${zone} ${day}: starts at ${new Date(start).toISOString()}`);
        }
        day = nextDay(day);
      }
    }
  });

  it("zonedDayStart(date, zone) accepts 29 February in a leap year", () => {
    expect(zonedDayStart("2028-02-29", "UTC")).toBe(Date.UTC(2028, 1, 29));
  });

  it("zonedDayStart(date, zone) throws naming a value that is not a YYYY-MM-DD date", () => {
    for (const bad of [
      "2026-02-30",
      "2026-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "20260101",
      "",
      "soon",
    ]) {
      expect(() => zonedDayStart(bad, "UTC"), bad).toThrow(`"${bad}" is not a date (YYYY-MM-DD)`);
    }
  });
});

describe("localDate", () => {
  it("localDate(instant, zone) is the calendar date in the zone", () => {
    expect(localDate(Date.UTC(2026, 10, 30, 23, 30), "Europe/Stockholm")).toBe("2026-12-01");
    expect(localDate(Date.UTC(2026, 10, 30, 22, 59, 59, 999), "Europe/Stockholm")).toBe("2026-11-30");
    expect(localDate(Date.UTC(2026, 10, 30, 23, 30), "UTC")).toBe("2026-11-30");
  });

  it("localDate(instant, zone) moves to the next day west of Greenwich only at local midnight", () => {
    expect(localDate(Date.UTC(2026, 10, 1, 3, 59), "America/New_York")).toBe("2026-10-31");
    expect(localDate(Date.UTC(2026, 10, 1, 4), "America/New_York")).toBe("2026-11-01");
    expect(localDate(Date.UTC(2026, 10, 2, 4, 59), "America/New_York")).toBe("2026-11-01");
    expect(localDate(Date.UTC(2026, 10, 2, 5), "America/New_York")).toBe("2026-11-02");
  });

  it("localDate(instant, zone) honours a half-hour offset", () => {
    expect(localDate(Date.UTC(2026, 0, 1, 18, 29), "Asia/Kolkata")).toBe("2026-01-01");
    expect(localDate(Date.UTC(2026, 0, 1, 18, 30), "Asia/Kolkata")).toBe("2026-01-02");
  });
});

describe("zonedDayStart where midnight does not exist", () => {
  it("zonedDayStart(date, zone) starts the day at the jump when clocks skip midnight", () => {
    // Santiago moves from -04 to -03 at 00:00 on 2026-09-06: the day starts at 01:00 local, 04:00 UTC.
    expect(zonedDayStart("2026-09-06", "America/Santiago")).toBe(Date.UTC(2026, 8, 6, 4));
    expect(zonedDayStart("2026-03-08", "America/Havana")).toBe(Date.UTC(2026, 2, 8, 5));
    expect(localDate(zonedDayStart("2026-09-06", "America/Santiago"), "America/Santiago")).toBe("2026-09-06");
    expect(localDate(zonedDayStart("2026-09-06", "America/Santiago") - 1, "America/Santiago")).toBe(
      "2026-09-05",
    );
  });
});
