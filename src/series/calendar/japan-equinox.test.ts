import { describe, expect, test } from "vitest";
import { isoDate } from "../civil-date.js";
import { autumnalEquinoxDay, vernalEquinoxDay } from "./japan-equinox.js";

describe("Japan's equinox days", () => {
  test("vernalEquinoxDay(year) matches the almanac's dates", () => {
    const known = [
      "1950-03-21",
      "1960-03-20",
      "1979-03-21",
      "2000-03-20",
      "2023-03-21",
      "2024-03-20",
      "2026-03-20",
    ];
    for (const date of known) expect(isoDate(vernalEquinoxDay(Number(date.slice(0, 4))))).toBe(date);
  });

  test("autumnalEquinoxDay(year) matches the almanac's dates", () => {
    const known = [
      "1950-09-23",
      "1979-09-24",
      "2012-09-22",
      "2024-09-22",
      "2025-09-23",
      "2026-09-23",
      "2044-09-22",
    ];
    for (const date of known) expect(isoDate(autumnalEquinoxDay(Number(date.slice(0, 4))))).toBe(date);
  });

  test("the formula refuses years outside 1900-2099, naming the year", () => {
    expect(() => vernalEquinoxDay(1899)).toThrow("year: 1899 is outside 1900-2099");
    expect(() => autumnalEquinoxDay(2100)).toThrow("year: 2100 is outside 1900-2099");
  });
});
