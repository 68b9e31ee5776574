import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { isAdmissible, isSeasonalAdmissible } from "./admissible.js";
import type { RFixture } from "./fixtures/r-fixture.js";

const fixture: RFixture = JSON.parse(readFileSync(new URL("./fixtures/r-ets.json", import.meta.url), "utf8"));
const scratch = new Float64Array(64);

describe("isAdmissible(alpha, beta, gamma, phi, m)", () => {
  test("accepts the middle of the usual region and rejects what forgets nothing or explodes", () => {
    expect(isAdmissible(0.3, 0.1, Number.NaN, 0.95, 1, scratch)).toBe(true);
    expect(isAdmissible(0.3, 0.1, 0.2, 0.95, 12, scratch)).toBe(true);
    expect(isAdmissible(2.5, Number.NaN, Number.NaN, 1, 1, scratch)).toBe(false);
    expect(isAdmissible(0.5, 0.1, 1.9, 1, 4, scratch)).toBe(false);
    expect(isAdmissible(0.5, Number.NaN, Number.NaN, 1.2, 1, scratch)).toBe(false);
  });

  test("agrees with R's forecast:::admissible, characteristic polynomial roots included", () => {
    for (const c of fixture.admissibility) {
      const result = isAdmissible(
        c.alpha,
        c.beta ?? Number.NaN,
        c.gamma ?? Number.NaN,
        c.phi ?? 1,
        c.m,
        scratch,
      );
      expect(result, JSON.stringify(c)).toBe(c.admissible);
    }
    expect(fixture.admissibility.filter((c) => c.admissible).length).toBeGreaterThan(50);
    expect(fixture.admissibility.filter((c) => !c.admissible).length).toBeGreaterThan(50);
  });
});

describe("isSeasonalAdmissible(parameters, m)", () => {
  test("agrees with R on the seasonal cases, a missing trend read as beta 0", () => {
    let seasonal = 0;
    for (const c of fixture.admissibility) {
      if (c.gamma === undefined || c.gamma === null || c.m <= 1) continue;
      const parameters = Float64Array.of(c.alpha, c.beta ?? 0, c.gamma, c.phi ?? 1);
      expect(isSeasonalAdmissible(parameters, c.m, scratch), JSON.stringify(c)).toBe(c.admissible);
      seasonal++;
    }
    expect(seasonal).toBeGreaterThan(50);
  });
});
