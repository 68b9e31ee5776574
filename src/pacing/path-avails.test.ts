import { describe, expect, it } from "vitest";
import { pathAvails } from "./path-avails.js";

describe("pathAvails(matched, allocated, higher)", () => {
  it("books min(allocated, matched) on each path, the rest available; possible keeps what is not higher", () => {
    const out = pathAvails(new Float64Array([300, 900, 1000, 1500]), 1000, 400);
    expect(Array.from(out.booked)).toEqual([300, 900, 1000, 1000]);
    expect(Array.from(out.available)).toEqual([0, 0, 0, 500]);
    expect(Array.from(out.possible)).toEqual([0, 500, 600, 1100]);
  });

  it("reuses the arrays it is given", () => {
    const out = {
      booked: new Float64Array(1),
      available: new Float64Array(1),
      possible: new Float64Array(1),
    };
    expect(pathAvails(new Float64Array([5]), 2, 0, out).available).toBe(out.available);
    expect(out.available[0]).toBe(3);
  });

  it("names a bad parameter: NaN or negative path, higher above allocated, wrong out length", () => {
    expect(() => pathAvails(new Float64Array([1, Number.NaN]), 1, 0)).toThrow("matched: path 1 is NaN");
    expect(() => pathAvails(new Float64Array([1]), 1, 2)).toThrow("higher: expected 0..allocated (1), got 2");
    expect(() => pathAvails(new Float64Array([1]), -1, 0)).toThrow("allocated: expected finite >= 0, got -1");
    const short = {
      booked: new Float64Array(1),
      available: new Float64Array(0),
      possible: new Float64Array(1),
    };
    expect(() => pathAvails(new Float64Array([1]), 1, 0, short)).toThrow("out.available: expected 1 values");
  });
});
