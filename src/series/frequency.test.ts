import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calendarDate,
  DEFAULT_SEASONS,
  dateTime,
  dsLayout,
  FREQUENCIES,
  formatDs,
  HOLDOUT_HORIZONS,
  parseDs,
  parseFrequency,
} from "./frequency.js";

describe("parseFrequency", () => {
  it("parseFrequency(text) accepts each frequency by name", () => {
    for (const freq of FREQUENCIES) expect(parseFrequency(freq)).toBe(freq);
  });

  it("parseFrequency(text) throws naming the flag and the accepted values", () => {
    for (const bad of ["yearly", "Hourly", "", "h", "daily "]) {
      expect(() => parseFrequency(bad), bad).toThrow(
        `--freq: "${bad}" is not one of hourly, daily, weekly, monthly, quarterly`,
      );
    }
    expect(() => parseFrequency("x", "freq")).toThrow('freq: "x" is not one of');
  });
});

describe("defaults", () => {
  it("DEFAULT_SEASONS are a day and a week of hours, a week of days, a year of weeks, months and quarters", () => {
    expect(DEFAULT_SEASONS).toEqual({
      hourly: [24, 168],
      daily: [7],
      weekly: [52],
      monthly: [12],
      quarterly: [4],
    });
  });

  it("HOLDOUT_HORIZONS are a week of hours, two weeks of days and M4's 13 weeks, 12 months and 8 quarters", () => {
    expect(HOLDOUT_HORIZONS).toEqual({ hourly: 168, daily: 14, weekly: 13, monthly: 12, quarterly: 8 });
  });

  it("dsLayout(freq) is a date and time for hourly data and a date otherwise", () => {
    expect(dsLayout("hourly")).toBe("YYYY-MM-DD HH:MM:SS");
    for (const freq of ["daily", "weekly", "monthly", "quarterly"] as const)
      expect(dsLayout(freq)).toBe("YYYY-MM-DD");
  });
});

describe("parseDs hourly", () => {
  it("parseDs(hourly, text) reads YYYY-MM-DD HH:MM:SS as UTC", () => {
    expect(parseDs("hourly", "2026-11-25 17:00:00")).toBe(Date.UTC(2026, 10, 25, 17));
    expect(parseDs("hourly", "2000-06-05 00:00:00")).toBe(Date.UTC(2000, 5, 5));
    expect(parseDs("hourly", "1969-12-31 23:00:00")).toBe(-3_600_000);
  });

  it("parseDs(hourly, text) reads the ISO forms with T, Z, an offset, no seconds or zero fractions", () => {
    const t = Date.UTC(2026, 10, 25, 17);
    for (const text of [
      "2026-11-25T17:00:00",
      "2026-11-25T17:00:00Z",
      "2026-11-25t17:00:00z",
      "2026-11-25 17:00",
      "2026-11-25T17:00Z",
      "2026-11-25T17:00:00.000Z",
      "2026-11-25T17:00:00.0",
      "2026-11-25T18:00:00+01:00",
      "2026-11-25T12:30:00-04:30",
      "2026-11-25T17:00:00+00:00",
    ]) {
      expect(parseDs("hourly", text), text).toBe(t);
    }
  });

  it("parseDs(hourly, text) keeps minutes and seconds, which the grid check judges later", () => {
    expect(parseDs("hourly", "2026-11-25 10:30:00")).toBe(Date.UTC(2026, 10, 25, 10, 30));
    expect(parseDs("hourly", "2026-11-25 10:00:59")).toBe(Date.UTC(2026, 10, 25, 10, 0, 59));
  });

  it("parseDs(hourly, text) reads 29 February in leap years only", () => {
    expect(parseDs("hourly", "2024-02-29 05:00:00")).toBe(Date.UTC(2024, 1, 29, 5));
    expect(parseDs("hourly", "2000-02-29 05:00:00")).toBe(Date.UTC(2000, 1, 29, 5));
    expect(parseDs("hourly", "2023-02-29 05:00:00")).toBeNaN();
    expect(parseDs("hourly", "1900-02-29 05:00:00")).toBeNaN();
  });

  it("parseDs(hourly, text) is NaN for anything but a valid hourly timestamp", () => {
    for (const bad of [
      "",
      "2026-11-25",
      "2026-11-25 24:00:00",
      "2026-11-25 23:60:00",
      "2026-11-25 23:00:60",
      "2026-11-25 1:00:00",
      "2026-11-25 10",
      "2026-11-25 10:00:0",
      "2026-11-25 10:00:00.5",
      "2026-11-25 10:00:00.",
      "2026-11-25 10:00:00 ",
      "2026-11-25 10:00:00+1",
      "2026-11-25 10:00:00+01:60",
      "2026-11-25 10:00:00+0100",
      "2026-11-25 10:00:00ZZ",
      "2026-11-25X10:00:00",
      "2026-13-01 00:00:00",
      "2026-00-01 00:00:00",
      "2026-04-31 00:00:00",
      "2026-04-00 00:00:00",
      "2026/11/25 10:00:00",
      "26-11-25 10:00:00",
      "1795795200000",
      "NA",
    ]) {
      expect(parseDs("hourly", bad), bad).toBeNaN();
    }
  });
});

describe("parseDs for dates", () => {
  it("parseDs(daily, text) reads YYYY-MM-DD as midnight UTC", () => {
    expect(parseDs("daily", "2026-11-25")).toBe(Date.UTC(2026, 10, 25));
    expect(parseDs("daily", "0001-01-01")).toBe(-62135596800000);
  });

  it("parseDs(freq, text) of a date frequency accepts a midnight UTC in the hourly forms", () => {
    for (const freq of ["daily", "weekly", "monthly", "quarterly"] as const) {
      for (const text of ["2026-11-25 00:00:00", "2026-11-25T00:00:00Z", "2026-11-25T01:00:00+01:00"]) {
        expect(parseDs(freq, text), `${freq} ${text}`).toBe(Date.UTC(2026, 10, 25));
      }
    }
  });

  it("parseDs(freq, text) of a date frequency is NaN for a time of day other than midnight UTC", () => {
    for (const text of ["2026-11-25 10:00:00", "2026-11-25T00:00:00+01:00", "2026-11-25 00:00:01"]) {
      expect(parseDs("daily", text), text).toBeNaN();
    }
  });

  it("parseDs(freq, text) of a date frequency knows month lengths and leap years", () => {
    expect(parseDs("monthly", "2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseDs("monthly", "2000-02-29")).toBe(Date.UTC(2000, 1, 29));
    for (const bad of ["2023-02-29", "2100-02-29", "2026-06-31", "2026-11-31", "2026-01-32", "2026-1-05"]) {
      expect(parseDs("monthly", bad), bad).toBeNaN();
    }
  });
});

describe("formatDs", () => {
  it("formatDs(hourly, time) writes YYYY-MM-DD HH:MM:SS in UTC", () => {
    expect(formatDs("hourly", Date.UTC(2026, 10, 25, 17))).toBe("2026-11-25 17:00:00");
    expect(formatDs("hourly", Date.UTC(2026, 0, 1, 0, 30, 5))).toBe("2026-01-01 00:30:05");
    expect(formatDs("hourly", -3_600_000)).toBe("1969-12-31 23:00:00");
  });

  it("formatDs(freq, time) writes YYYY-MM-DD for the date frequencies", () => {
    for (const freq of ["daily", "weekly", "monthly", "quarterly"] as const) {
      expect(formatDs(freq, Date.UTC(2024, 1, 29))).toBe("2024-02-29");
    }
  });

  it("parseDs(freq, formatDs(freq, time)) is time for every whole hour and day of years 1-9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162 * 24, max: 2932896 * 24 - 1 }), (hours) => {
        const time = hours * 3_600_000;
        expect(parseDs("hourly", formatDs("hourly", time))).toBe(time);
        const day = Math.floor(hours / 24) * 86_400_000;
        expect(parseDs("daily", formatDs("daily", day))).toBe(day);
      }),
    );
  });
});

describe("calendar helpers", () => {
  it("calendarDate(time) gives the date and its month's length", () => {
    expect(calendarDate(Date.UTC(2024, 1, 10))).toEqual({ year: 2024, month: 2, day: 10, monthDays: 29 });
    expect(calendarDate(Date.UTC(2023, 1, 28, 23))).toEqual({ year: 2023, month: 2, day: 28, monthDays: 28 });
    expect(calendarDate(Date.UTC(2026, 11, 31))).toEqual({ year: 2026, month: 12, day: 31, monthDays: 31 });
  });

  it("dateTime(year, month, day) clamps a day past the month's end to its last day", () => {
    expect(dateTime(2023, 2, 31)).toBe(Date.UTC(2023, 1, 28));
    expect(dateTime(2024, 2, 31)).toBe(Date.UTC(2024, 1, 29));
    expect(dateTime(2024, 4, 31)).toBe(Date.UTC(2024, 3, 30));
    expect(dateTime(2024, 12, 31)).toBe(Date.UTC(2024, 11, 31));
    expect(dateTime(2024, 3, 15)).toBe(Date.UTC(2024, 2, 15));
  });
});
