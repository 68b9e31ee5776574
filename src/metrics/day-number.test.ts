import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dayNumber } from "./day-number.js";

const DAY_MS = 86_400_000;

describe("dayNumber(text)", () => {
  test("counts days from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2026-12-25")).toBe(20812);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2);
  });

  test("accepts leap days only in leap years", () => {
    expect(dayNumber("2024-02-29")).toBe(dayNumber("2024-03-01") - 1);
    expect(dayNumber("2000-02-29")).toBe(dayNumber("2000-03-01") - 1);
    expect(dayNumber("2023-02-29")).toBeNaN();
    expect(dayNumber("1900-02-29")).toBeNaN();
  });

  test("returns NaN for text that is not a YYYY-MM-DD date", () => {
    for (const bad of [
      "",
      "2026-1-01",
      "2026/01/01",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-01-00",
    ]) {
      expect(dayNumber(bad)).toBeNaN();
    }
    for (const bad of ["abcd-01-01", "2026-0a-01", "2026-01-1x", "2026-01-01T00:00:00Z", " 2026-01-01"]) {
      expect(dayNumber(bad)).toBeNaN();
    }
  });

  test("agrees with Date for every day from 1970 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_932_896 }), (days) => {
        expect(dayNumber(new Date(days * DAY_MS).toISOString().slice(0, 10))).toBe(days);
      }),
    );
  });
});
