import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ADDITIVE, etsFilter, MULTIPLICATIVE, NONE } from "./ets-filter.js";
import { etsLikelihood } from "./ets-likelihood.js";
import { formOf, parametersOf, type RFixture, stateFromR } from "./fixtures/r-fixture.js";

const fixture: RFixture = JSON.parse(readFileSync(new URL("./fixtures/r-ets.json", import.meta.url), "utf8"));
const CODE = { N: NONE, A: ADDITIVE, M: MULTIPLICATIVE } as const;

function run(
  y: number[],
  error: number,
  trend: number,
  season: number,
  period: number,
  params: number[],
  state: number[],
) {
  const [alpha, beta, gamma, phi] = params;
  const x = Float64Array.from(state);
  const fitted = new Float64Array(y.length);
  const totals = new Float64Array(2);
  const lik = etsFilter(
    Float64Array.from(y),
    y.length,
    error,
    trend,
    season,
    period,
    alpha,
    beta,
    gamma,
    phi,
    x,
    new Float64Array(period),
    fitted,
    totals,
  );
  return { lik, state: Array.from(x), fitted: Array.from(fitted), sse: totals[0], logSum: totals[1] };
}

describe("etsFilter", () => {
  test("simple exponential smoothing with alpha 0.5, by hand", () => {
    const out = run([10, 12, 11, 13], ADDITIVE, NONE, NONE, 1, [0.5, 0, 0, 1], [10, 0]);
    expect(out.fitted).toEqual([10, 10, 11, 11]);
    expect(out.state[0]).toBe(12);
    expect(out.sse).toBe(8);
    expect(out.lik).toBeCloseTo(4 * Math.log(8), 12);
  });

  test("Holt's linear trend with alpha 0.5 and beta 0.2, by hand", () => {
    const out = run([3, 5, 8], ADDITIVE, ADDITIVE, NONE, 1, [0.5, 0.2, 0, 1], [1, 1]);
    const expected = [2, 3.7, 5.81];
    out.fitted.forEach((value, t) => {
      expect(value).toBeCloseTo(expected[t], 12);
    });
    expect(out.state[0]).toBeCloseTo(6.905, 12);
    expect(out.state[1]).toBeCloseTo(1.898, 12);
    expect(out.sse).toBeCloseTo(1 + 1.69 + 2.19 ** 2, 12);
  });

  test("an additive season of period 2 with alpha 0.5 and gamma 0.2, by hand", () => {
    const out = run([10, 12, 9], ADDITIVE, NONE, ADDITIVE, 2, [0.5, 0, 0.2, 1], [10, 0, -1, 1]);
    const expected = [9, 11.5, 9.95];
    out.fitted.forEach((value, t) => {
      expect(value).toBeCloseTo(expected[t], 12);
    });
    // After three observations the next one is in season 1, so the state leads with it.
    expect(out.state[0]).toBeCloseTo(10.275, 12);
    expect(out.state[2]).toBeCloseTo(1.1, 12);
    expect(out.state[3]).toBeCloseTo(-0.99, 12);
  });

  test("a multiplicative error adds 2 sum log|yhat| and squares relative errors", () => {
    const out = run([10, 12], MULTIPLICATIVE, NONE, NONE, 1, [0.5, 0, 0, 1], [10, 0]);
    expect(out.state[0]).toBeCloseTo(11, 12);
    expect(out.sse).toBeCloseTo(0.04, 14);
    expect(out.lik).toBeCloseTo(2 * Math.log(0.04) + 2 * 2 * Math.log(10), 10);
  });

  test("a multiplicative error gives NaN when a one-step forecast reaches 0, never a division by 0", () => {
    const out = run([1, 2, 3], MULTIPLICATIVE, ADDITIVE, NONE, 1, [0.5, 0.1, 0, 1], [1, -1]);
    expect(out.lik).toBeNaN();
    const seasonal = run([1, 2, 3, 4], ADDITIVE, NONE, MULTIPLICATIVE, 2, [0.5, 0, 0.1, 1], [1, 0, 0, 2]);
    expect(Number.isFinite(seasonal.state[0])).toBe(true);
  });

  test("a perfect fit gives -Infinity (R clamps it when optimising)", () => {
    expect(run([5, 5, 5], ADDITIVE, NONE, NONE, 1, [0.5, 0, 0, 1], [5, 0]).lik).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });

  test("reproduces R's likelihood, fitted values and final state given R's parameters and initial state", () => {
    let checked = 0;
    for (const c of fixture.cases) {
      for (const fit of [c.auto, ...c.fits]) {
        const form = formOf(fit, c.period);
        const { alpha, beta, gamma, phi } = parametersOf(fit);
        const m = form.season === "N" ? 1 : form.period;
        const out = run(
          [...c.train],
          CODE[form.error],
          CODE[form.trend],
          CODE[form.season],
          m,
          [alpha, beta, gamma, phi],
          [...stateFromR(fit.initstate, form)],
        );
        const label = `${c.id} ${fit.method}`;
        expect(out.lik, label).toBeCloseTo(-2 * fit.loglik, 6);
        fit.fitted_head.forEach((value, t) => {
          expect(out.fitted[t], label).toBeCloseTo(value, 8);
        });
        const final = stateFromR(fit.finalstate, form);
        final.forEach((value, j) => {
          expect(Math.abs(out.state[j] - value), label).toBeLessThan(1e-8 * (1 + Math.abs(value)));
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("etsLikelihood", () => {
  test("equals etsFilter's likelihood for every form without a multiplicative trend, odd or even length", () => {
    const series = Float64Array.from(
      { length: 61 },
      (_, t) => 50 + 0.5 * t + 8 * Math.sin((2 * Math.PI * t) / 4) + 3 * Math.cos(t * 1.7),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(60, 61),
        fc.constantFrom(ADDITIVE, MULTIPLICATIVE),
        fc.constantFrom(NONE, ADDITIVE),
        fc.constantFrom(NONE, ADDITIVE, MULTIPLICATIVE),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.8, max: 1, noNaN: true }),
        (length, error, trend, season, alpha, betaShare, gammaShare, phi) => {
          const y = series.subarray(0, length);
          const m = season === NONE ? 1 : 4;
          const state = Float64Array.of(
            50,
            trend === NONE ? 0 : 0.4,
            ...(season === MULTIPLICATIVE ? [0.85, 1.15, 0.9, 1.1] : [-8, 8, -3, 3]),
          );
          const beta = trend === NONE ? 0 : alpha * betaShare;
          const gamma = season === NONE ? 0 : (1 - alpha) * gammaShare;
          const reference = etsFilter(
            y,
            y.length,
            error,
            trend,
            season,
            m,
            alpha,
            beta,
            gamma,
            phi,
            state.slice(),
            new Float64Array(m),
            null,
            null,
          );
          const fast = etsLikelihood(
            y,
            y.length,
            error,
            trend as 0 | 1,
            season,
            m,
            Float64Array.of(alpha, beta, gamma, phi),
            state,
            new Float64Array(y.length + m),
          );
          if (Number.isNaN(reference)) expect(fast).toBeNaN();
          else expect(Math.abs(fast - reference)).toBeLessThan(1e-9 * Math.abs(reference));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("etsLikelihood with multiplicative errors on data of 1e25", () => {
  test("still equals etsFilter's likelihood (the products of 16 forecasts overflow, pairs do not)", () => {
    const y = Float64Array.from(
      { length: 41 },
      (_, t) => 1e25 * (50 + 0.5 * t + 8 * Math.sin((2 * Math.PI * t) / 4) + 3 * Math.cos(t * 1.7)),
    );
    for (const season of [NONE, ADDITIVE, MULTIPLICATIVE]) {
      const m = season === NONE ? 1 : 4;
      const seasonal = season === MULTIPLICATIVE ? [0.85, 1.15, 0.9, 1.1] : [-8e25, 8e25, -3e25, 3e25];
      const state = Float64Array.of(50e25, 0.4e25, ...(season === NONE ? [] : seasonal));
      const reference = etsFilter(
        y,
        y.length,
        MULTIPLICATIVE,
        ADDITIVE,
        season,
        m,
        0.3,
        0.05,
        season === NONE ? 0 : 0.1,
        0.95,
        state.slice(),
        new Float64Array(m),
        null,
        null,
      );
      const fast = etsLikelihood(
        y,
        y.length,
        MULTIPLICATIVE,
        ADDITIVE,
        season,
        m,
        Float64Array.of(0.3, 0.05, season === NONE ? 0 : 0.1, 0.95),
        state,
        new Float64Array(y.length + m),
      );
      expect(Number.isFinite(reference)).toBe(true);
      expect(Math.abs(fast - reference)).toBeLessThan(1e-9 * Math.abs(reference));
    }
  });
});
