import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { EtsForm } from "./ets-form.js";
import type { RFixture } from "./fixtures/r-fixture.js";
import { etsInitialState } from "./initial-state.js";

const fixture: RFixture = JSON.parse(readFileSync(new URL("./fixtures/r-ets.json", import.meta.url), "utf8"));

function form(trend: string, season: string, period: number): EtsForm {
  return {
    error: "A",
    trend: trend as EtsForm["trend"],
    damped: false,
    season: season as EtsForm["season"],
    period: season === "N" ? 1 : period,
  };
}

describe("etsInitialState(y, form)", () => {
  test("starts a straight line at its intercept and slope", () => {
    const y = Float64Array.from({ length: 12 }, (_, t) => 3 + 2 * (t + 1));
    expect(Array.from(etsInitialState(y, form("A", "N", 1)))).toEqual(
      [3, 2].map((v) => expect.closeTo(v, 12)),
    );
    expect(etsInitialState(y, form("N", "N", 1))[0]).toBeCloseTo(3 + 2 * 5.5, 12);
  });

  test("normalises the seasons to sum to 0 (additive) or to m (multiplicative)", () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => 100 + t + [5, -3, 1, -3][t % 4]);
    const additive = etsInitialState(y, form("A", "A", 4)).subarray(2);
    expect(additive.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
    const multiplicative = etsInitialState(y, form("A", "M", 4)).subarray(2);
    expect(multiplicative.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 10);
  });

  test("matches R's forecast:::initstate, from a decomposition and, below three seasons, from a Fourier regression", () => {
    let checked = 0;
    for (const c of fixture.cases) {
      const n = c.train.length;
      for (const reference of c.initstates) {
        const f = form(reference.trend, reference.season, c.period);
        const y = Float64Array.from(reference.short ? c.train.slice(0, 2 * c.period + 3) : c.train);
        const state = etsInitialState(y, f);
        const r = typeof reference.state === "number" ? [reference.state] : reference.state;
        const label = `${c.id} ${reference.trend}${reference.season} short=${reference.short} n=${reference.short ? y.length : n}`;
        const close = (a: number, b: number) =>
          expect(Math.abs(a - b), label).toBeLessThan(1e-9 * (1 + Math.abs(b)));
        close(state[0], r[0]);
        if (f.trend !== "N") close(state[1], r[1]);
        if (f.season !== "N") {
          // R lists the seasons of y[m-1], ..., y[1]; the layout holds the season of y[j] at 2 + j.
          const first = f.trend === "N" ? 1 : 2;
          for (let j = 1; j < c.period; j++) close(state[2 + j], r[first + c.period - 1 - j]);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
