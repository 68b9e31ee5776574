import { describe, expect, it } from "vitest";
import { logFactorial } from "./log-factorial.js";

describe("logFactorial(k)", () => {
  it("is log(k!) from the table and from Stirling's series on both sides of 256", () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let exact = 0;
    for (let k = 2; k <= 300; k++) exact += Math.log(k);
    expect(logFactorial(300)).toBeCloseTo(exact, 8);
    expect(logFactorial(256) - logFactorial(255)).toBeCloseTo(Math.log(256), 9);
  });
});
