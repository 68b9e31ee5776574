import { describe, expect, it } from "vitest";
import { parseObservation } from "./parse-observation.js";

describe("parseObservation", () => {
  it("parseObservation(text) reads decimal numbers, signs, exponents and surrounding spaces", () => {
    const cases: Array<[string, number]> = [
      ["12", 12],
      ["12.5", 12.5],
      ["-0.25", -0.25],
      ["+3", 3],
      [".5", 0.5],
      ["5.", 5],
      ["1e3", 1000],
      ["2.5E-2", 0.025],
      [" 7 ", 7],
      ["0", 0],
      ["1.7976931348623157e308", Number.MAX_VALUE],
    ];
    for (const [text, value] of cases) expect(parseObservation(text), text).toBe(value);
  });

  it("parseObservation(text) is NaN for an empty field, NA, NaN and nan", () => {
    for (const text of ["", "  ", "NA", "NaN", "nan", " NA "]) expect(parseObservation(text), text).toBeNaN();
  });

  it("parseObservation(text) is null for anything else", () => {
    for (const text of [
      "abc",
      "1,5",
      "1.2.3",
      "0x10",
      "0b11",
      "Infinity",
      "-Infinity",
      "1e999",
      "1_000",
      "e5",
      "-",
      ".",
      "N/A",
      "null",
      "na",
      "12 kg",
    ]) {
      expect(parseObservation(text), text).toBeNull();
    }
  });
});
