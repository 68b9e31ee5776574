import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, SIGNIFICANT_DIGITS } from "./format-number.js";

describe("formatNumber", () => {
  it("formatNumber(x) writes integers and short decimals as they are", () => {
    const cases: Array<[number, string]> = [
      [0, "0"],
      [-0, "0"],
      [1, "1"],
      [-17, "-17"],
      [1234.5, "1234.5"],
      [44018, "44018"],
      [9_999_999_999, "9999999999"],
      [0.001, "0.001"],
    ];
    for (const [x, text] of cases) expect(formatNumber(x), text).toBe(text);
  });

  it("formatNumber(x) rounds to ten significant digits and drops binary noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(2 / 3)).toBe("0.6666666667");
    expect(formatNumber(123456.789012345)).toBe("123456.789");
    expect(formatNumber(12_345_678_901)).toBe("12345678900");
    expect(formatNumber(-1e-7 / 3)).toBe("-3.333333333e-8");
    expect(formatNumber(1.5e22)).toBe("1.5e+22");
  });

  it("Number(formatNumber(x)) is within half a unit of the tenth significant digit of x", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        const back = Number(formatNumber(x));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) * 0.5 * 10 ** (1 - SIGNIFICANT_DIGITS));
      }),
    );
  });
});
