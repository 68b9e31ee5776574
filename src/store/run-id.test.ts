import { describe, expect, it } from "vitest";
import { formatRunId, parseRunId } from "./run-id.js";

describe("run ids", () => {
  it("formatRunId(n) pads to six digits so ids sort as made", () => {
    expect(formatRunId(12)).toBe("r000012");
    expect(formatRunId(1_234_567)).toBe("r1234567");
    expect([formatRunId(9), formatRunId(10)].sort()).toEqual(["r000009", "r000010"]);
  });

  it("parseRunId(text) takes r000012, r12 and 12", () => {
    expect(parseRunId("r000012")).toBe(12);
    expect(parseRunId("r12")).toBe(12);
    expect(parseRunId(" 12 ")).toBe(12);
  });

  it("parseRunId(text) refuses zero, signs and other text, quoting it", () => {
    for (const bad of ["r0", "0", "-3", "x12", "", "r1.5"]) {
      expect(() => parseRunId(bad)).toThrow(`"${bad}" is not a run id`);
    }
  });
});
