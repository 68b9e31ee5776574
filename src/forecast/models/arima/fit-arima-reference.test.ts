import { describe, expect, test } from "vitest";
import { fitArima } from "./fit-arima.js";
import { loadCases, orderOf, xregOf } from "./fixtures/r-fixture.js";
import { forecastArima } from "./forecast-arima.js";

// Made by fixtures/make-fixtures.R with R 4.2.2 and forecast 8.20 (CI has no R).
const cases = loadCases();
const fits = cases.flatMap((c) => c.fits.map((fit) => [`${c.id} ${fit.description}`, c, fit] as const));

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

describe("fitArima against R's forecast::Arima (CSS-ML)", () => {
  // Both maximise the same likelihood with the same BFGS from the same CSS start; the search here filters
  // the differenced series (the diffuse limit) where R carries kappa = 1e6, so the optima differ in the
  // last digits. Measured worst cases: coefficients 3e-4, forecasts 2e-4, 95% bounds 9e-4 relative.
  test.each(fits)("%s: coefficients, likelihood, sigma2, forecasts and 95% bounds", (_, c, r) => {
    const y = Float64Array.from(c.train);
    const xreg = xregOf(c);
    const fit = fitArima(
      y,
      { order: orderOf(r), includeDrift: r.include_drift, includeMean: r.include_mean },
      xreg,
    );
    expect(fit.description).toBe(r.description);
    const names = Object.keys(r.coef);
    expect(fit.names).toEqual(
      names.map((name) => (name === "x1" ? "xreg1" : name === "x2" ? "xreg2" : name)),
    );
    names.forEach((name, i) => {
      expect(Math.abs(fit.coef[i] - r.coef[name])).toBeLessThan(1e-3 * Math.max(1, Math.abs(r.coef[name])));
    });
    expect(Math.abs(fit.loglik - r.loglik)).toBeLessThan(1e-3);
    expect(Math.abs(fit.aicc - r.aicc)).toBeLessThan(2e-3);
    expect(Math.abs(fit.bic - r.bic)).toBeLessThan(2e-3);
    expect(relative(fit.sigma2, r.sigma2)).toBeLessThan(1e-4);
    const fc = forecastArima(fit, y.length, c.horizon, [80, 95], xreg);
    for (let h = 0; h < c.horizon; h++) {
      expect(relative(fc.mean[h], r.mean[h])).toBeLessThan(1e-3);
      expect(relative(fc.lower[1][h], r.lower95[h])).toBeLessThan(2e-3);
      expect(relative(fc.upper[1][h], r.upper95[h])).toBeLessThan(2e-3);
      expect(relative(fc.upper[0][h], r.upper80[h])).toBeLessThan(2e-3);
    }
  });
});
