import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { RFixture } from "./fixtures/r-fixture.js";
import { sampleQuantile } from "./sample-quantile.js";

const fixture: RFixture = JSON.parse(readFileSync(new URL("./fixtures/r-ets.json", import.meta.url), "utf8"));

describe("sampleQuantile(sorted, p)", () => {
  test("is the median of an even sample halfway between the middle values", () => {
    expect(sampleQuantile(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(sampleQuantile(Float64Array.of(7), 0.9)).toBe(7);
  });

  test("matches R's quantile(type = 8), the tails clamped to the extremes", () => {
    const sorted = Float64Array.from(fixture.quantiles.x).sort();
    fixture.quantiles.p.forEach((p, i) => {
      expect(sampleQuantile(sorted, p)).toBeCloseTo(fixture.quantiles.q[i], 12);
    });
  });
});
