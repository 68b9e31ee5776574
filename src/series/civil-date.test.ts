import { describe, expect, it } from "vitest";
import { civilFromDays, DAY_MS, daysFromCivil, isoDate, parseIsoDate, weekdayOfDays } from "./civil-date.js";

describe("civil dates", () => {
  it("agree with Date for every day from 1900 to 2200", () => {
    const wrong: number[] = [];
    for (let day = daysFromCivil(1900, 1, 1); day < daysFromCivil(2200, 1, 1); day += 1) {
      const date = new Date(day * DAY_MS);
      const civil = civilFromDays(day);
      const ok =
        civil.year === date.getUTCFullYear() &&
        civil.month === date.getUTCMonth() + 1 &&
        civil.day === date.getUTCDate() &&
        daysFromCivil(civil.year, civil.month, civil.day) === day &&
        weekdayOfDays(day) === date.getUTCDay();
      if (!ok) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it("formats ISO dates", () => {
    expect(isoDate(daysFromCivil(2026, 12, 25))).toBe("2026-12-25");
    expect(isoDate(0)).toBe("1970-01-01");
  });
});

describe("parseIsoDate", () => {
  it("reads real YYYY-MM-DD dates and returns NaN for anything else", () => {
    expect(parseIsoDate("2026-12-25")).toBe(daysFromCivil(2026, 12, 25));
    expect(parseIsoDate("2024-02-29")).toBe(daysFromCivil(2024, 2, 29));
    for (const bad of ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1", "26-04-01", ""]) {
      expect(parseIsoDate(bad)).toBeNaN();
    }
    expect(parseIsoDate("2026-04-01 ")).toBeNaN();
  });
});
