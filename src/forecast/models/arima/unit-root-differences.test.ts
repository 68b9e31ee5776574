import { describe, expect, test } from "vitest";
import { TestRandom } from "../../test-models.js";
import { unitRootDifferences } from "./unit-root-differences.js";

describe("unitRootDifferences(y, period)", () => {
  const random = new TestRandom(3);
  const noise = Float64Array.from({ length: 240 }, () => random.normal());

  test("white noise needs no difference", () => {
    expect(unitRootDifferences(noise, 1)).toEqual({ d: 0, D: 0 });
  });

  test("a random walk needs one first difference", () => {
    const walk = new Float64Array(noise.length);
    for (let t = 1; t < walk.length; t++) walk[t] = walk[t - 1] + noise[t];
    expect(unitRootDifferences(walk, 1)).toEqual({ d: 1, D: 0 });
  });

  test("a strong season is differenced seasonally, and the rest tested after it", () => {
    const seasonal = Float64Array.from(noise, (e, t) => 20 * Math.sin((2 * Math.PI * t) / 12) + e);
    expect(unitRootDifferences(seasonal, 12)).toEqual({ d: 0, D: 1 });
  });
});
