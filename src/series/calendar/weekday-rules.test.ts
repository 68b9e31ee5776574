import { describe, expect, test } from "vitest";
import { daysFromCivil, isoDate } from "../civil-date.js";
import { FRIDAY, MONDAY, nthWeekday, SATURDAY, THURSDAY, weekdayOnOrAfter } from "./weekday-rules.js";

describe("weekday rules", () => {
  test("nthWeekday(year, month, weekday, n) counts from the month's start, and n = -1 is the last", () => {
    expect(isoDate(nthWeekday(2026, 11, THURSDAY, 4))).toBe("2026-11-26");
    expect(isoDate(nthWeekday(2026, 1, THURSDAY, 1))).toBe("2026-01-01");
    expect(isoDate(nthWeekday(2026, 5, MONDAY, 1))).toBe("2026-05-04");
    expect(isoDate(nthWeekday(2026, 5, MONDAY, -1))).toBe("2026-05-25");
    expect(isoDate(nthWeekday(2026, 12, THURSDAY, -1))).toBe("2026-12-31");
    expect(isoDate(nthWeekday(2024, 2, THURSDAY, -1))).toBe("2024-02-29");
  });

  test("weekdayOnOrAfter(day, weekday) is the day itself when it falls on the weekday", () => {
    expect(isoDate(weekdayOnOrAfter(daysFromCivil(2026, 6, 19), FRIDAY))).toBe("2026-06-19");
    expect(isoDate(weekdayOnOrAfter(daysFromCivil(2026, 6, 20), FRIDAY))).toBe("2026-06-26");
    expect(isoDate(weekdayOnOrAfter(daysFromCivil(2026, 10, 31), SATURDAY))).toBe("2026-10-31");
  });
});
