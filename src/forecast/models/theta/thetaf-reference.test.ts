import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { standardTheta } from "./theta.js";

interface ThetafCase {
  id: string;
  season: number;
  horizon: number;
  y: number[];
  seasonal: boolean;
  mean: number[];
  lower95: number[];
  upper95: number[];
}

// Made by fixtures/thetaf.R with R's forecast 8.20 (CI has no R).
const fixture = JSON.parse(readFileSync(new URL("./fixtures/thetaf.json", import.meta.url), "utf8")) as {
  cases: ThetafCase[];
};

function forecastCase(c: ThetafCase) {
  return standardTheta.forecast(Float64Array.from(c.y), {
    horizon: c.horizon,
    levels: [95],
    seasons: c.season > 1 ? [c.season] : [],
  });
}

describe("standardTheta against R's forecast::thetaf", () => {
  test.each(fixture.cases.map((c) => [c.id, c] as const))(
    "%s: same seasonality decision and point forecasts",
    (_, c) => {
      const result = forecastCase(c);
      expect(result.description).toBe(c.seasonal ? `Theta(STM, seasonal ${c.season})` : "Theta(STM)");
      // Both minimise the same SES sum of squares; R's Nelder-Mead stops a little earlier than Brent.
      for (let h = 0; h < c.horizon; h++) {
        expect(Math.abs(result.mean[h] - c.mean[h]) / Math.abs(c.mean[h])).toBeLessThan(2e-5);
      }
    },
  );

  test("Nile (non-seasonal): the 95% intervals are as wide as thetaf's, within 2%", () => {
    const c = fixture.cases.find((x) => x.id === "Nile") as ThetafCase;
    const result = forecastCase(c);
    // thetaf takes sigma from the SES residuals, ours from the residuals of the forecasts with drift.
    for (let h = 0; h < c.horizon; h++) {
      const ratio = (result.upper[0][h] - result.lower[0][h]) / (c.upper95[h] - c.lower95[h]);
      expect(ratio).toBeGreaterThan(0.98);
      expect(ratio).toBeLessThan(1.02);
    }
  });
});
