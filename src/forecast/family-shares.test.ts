import { describe, expect, test } from "vitest";
import { familyShares } from "./family-shares.js";

describe("familyShares(families)", () => {
  test("familyShares(families) gives each family an equal share, split among its members", () => {
    const shares = familyShares(["ets", "theta", "theta", "mstl", "theta"]);
    expect(Array.from(shares)).toEqual([1 / 3, 1 / 9, 1 / 9, 1 / 3, 1 / 9]);
  });

  test("familyShares(families) is the equal mean when every family has one member", () => {
    expect(Array.from(familyShares(["a", "b", "c", "d"]))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  test("familyShares(families) sums to 1", () => {
    const shares = familyShares(["a", "b", "b", "c", "c", "c", "d"]);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  test("familyShares([]) is empty", () => {
    expect(familyShares([]).length).toBe(0);
  });
});
