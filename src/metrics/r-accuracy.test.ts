import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { mae } from "./mae.js";
import { mape } from "./mape.js";
import { mase } from "./mase.js";
import { rmse } from "./rmse.js";

/** One forecast of fixtures/r-accuracy.json, written by fixtures/r-accuracy.R. */
interface RCase {
  series: string;
  model: string;
  seasonPeriod: number;
  insample: number[];
  actual: number[];
  mean: number[];
  accuracy: { RMSE: number; MAE: number; MAPE: number; MASE: number; naiveMASE: number };
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/r-accuracy.json", import.meta.url), "utf8")) as {
  cases: RCase[];
};

/** R writes 15 significant digits. */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe("the metrics agree with R's forecast::accuracy() on held-out classic monthly series", () => {
  for (const c of fixture.cases) {
    test(`${c.model} forecasts of ${c.series}`, () => {
      expectClose(rmse(c.actual, c.mean), c.accuracy.RMSE);
      expectClose(mae(c.actual, c.mean), c.accuracy.MAE);
      // R reports MAPE in percent.
      expectClose(100 * mape(c.actual, c.mean), c.accuracy.MAPE);
      expectClose(mase(c.actual, c.mean, c.insample, c.seasonPeriod), c.accuracy.MASE);
      expectClose(mase(c.actual, c.mean, c.insample, 1), c.accuracy.naiveMASE);
    });
  }

  test("covers eight forecasts", () => {
    expect(fixture.cases.length).toBe(8);
  });
});
