import { describe, expect, it } from "vitest";
import { formatWholeNumber } from "./format-whole-number.js";

describe("formatWholeNumber", () => {
  it("formatWholeNumber(n) rounds to a whole number and groups thousands", () => {
    expect(formatWholeNumber(1234567.8)).toBe("1,234,568");
    expect(formatWholeNumber(-1500.5)).toBe("-1,501");
    expect(formatWholeNumber(0)).toBe("0");
  });

  it("formatWholeNumber(n) keeps NaN and infinities readable", () => {
    expect(formatWholeNumber(Number.NaN)).toBe("NaN");
    expect(formatWholeNumber(Number.POSITIVE_INFINITY)).toBe("∞");
  });
});
