import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseDecimalBytes } from "./parse-decimal-bytes.js";

function parse(text: string): number {
  const bytes = Buffer.from(`x${text}y`, "latin1");
  return parseDecimalBytes(bytes, 1, bytes.length - 1);
}

describe("parseDecimalBytes(bytes, start, end)", () => {
  test("reads plain decimals as Number does", () => {
    expect(parse("12")).toBe(12);
    expect(parse("-12.5")).toBe(-12.5);
    expect(parse("0.1")).toBe(0.1);
    expect(parse("007")).toBe(7);
    expect(parse("5.")).toBe(5);
    expect(parse(".25")).toBe(0.25);
    expect(Object.is(parse("-0"), -0)).toBe(true);
    expect(parse("123456789012345")).toBe(123456789012345);
    expect(parse("0.00000000000001")).toBe(1e-14);
  });

  test("gives Infinity for what it leaves to the general parser", () => {
    for (const text of [
      "",
      "-",
      ".",
      "+1",
      "1e3",
      " 1",
      "1 ",
      "1.2.3",
      "NA",
      "1,5",
      "1234567890123456",
      "--1",
    ]) {
      expect(parse(text)).toBe(Number.POSITIVE_INFINITY);
    }
  });

  test("agrees with Number on every decimal of up to 15 digits, to the last bit", () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,8}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,7}$/), { nil: undefined }),
      )
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`,
      )
      .filter((text) => /[0-9]/.test(text));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(parse(text), Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
