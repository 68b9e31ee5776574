import { describe, expect, test } from "vitest";
import { longestSeason } from "./longest-season.js";

describe("longestSeason(seasons)", () => {
  test("longestSeason(seasons) is the longest period, in any order", () => {
    expect(longestSeason([24, 168])).toBe(168);
    expect(longestSeason([168, 24])).toBe(168);
  });

  test("longestSeason(seasons) is 0 without a season of two steps or more", () => {
    expect(longestSeason([])).toBe(0);
    expect(longestSeason([1])).toBe(0);
  });
});
