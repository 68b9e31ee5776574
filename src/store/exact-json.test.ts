import { describe, expect, it } from "vitest";
import { fromExactJson, toExactJson } from "./exact-json.js";

describe("exact JSON", () => {
  it("fromExactJson(toExactJson(x)) keeps NaN, Infinity and -Infinity where plain JSON writes null", () => {
    const value = {
      a: Number.NaN,
      b: [1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      c: { d: "NaN", e: null },
    };
    expect(JSON.parse(JSON.stringify(value)).a).toBeNull();
    const back = fromExactJson<typeof value>(toExactJson(value));
    expect(back).toEqual(value);
    expect(back.c.d).toBe("NaN");
  });

  it("toExactJson(x) writes plain JSON when every number is finite", () => {
    const value = { x: [1, 2.5, -0.25], y: "z" };
    expect(toExactJson(value)).toBe(JSON.stringify(value));
  });
});
