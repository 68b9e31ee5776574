import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { civilFromDays, isoDate, weekdayOfDays } from "../civil-date.js";
import { easterSunday } from "./easter-sunday.js";

describe("easterSunday", () => {
  test("easterSunday(year) is the Western Easter of known years", () => {
    const known: Record<number, string> = {
      1818: "1818-03-22",
      1943: "1943-04-25",
      2000: "2000-04-23",
      2019: "2019-04-21",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2026: "2026-04-05",
      2027: "2027-03-28",
      2038: "2038-04-25",
      2285: "2285-03-22",
    };
    for (const [year, date] of Object.entries(known)) expect(isoDate(easterSunday(Number(year)))).toBe(date);
  });

  test("easterSunday(year) is a Sunday from March 22 to April 25 in every Gregorian year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const day = easterSunday(year);
        const { year: y, month, day: d } = civilFromDays(day);
        expect(weekdayOfDays(day)).toBe(0);
        expect(y).toBe(year);
        expect(month * 100 + d).toBeGreaterThanOrEqual(322);
        expect(month * 100 + d).toBeLessThanOrEqual(425);
      }),
    );
  });
});
