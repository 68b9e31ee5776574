import { describe, expect, test } from "vitest";
import { ensemble } from "../forecast/ensemble.js";
import { forecastSeries } from "../forecast/forecast-series.js";
import type { Forecaster } from "../forecast/forecaster.js";
import { resolveModel } from "../forecast/models/registry.js";
import { TestRandom } from "../forecast/test-models.js";
import { runTask } from "./hierarchy-task.js";

/** Hourly traffic with a daily and a weekly shape and noise, 8 weeks. */
function hourly(seed: number): Float64Array {
  const random = new TestRandom(seed);
  return Float64Array.from(
    { length: 24 * 7 * 8 },
    (_, t) =>
      100 +
      40 * Math.sin((2 * Math.PI * t) / 24) +
      15 * Math.sin((2 * Math.PI * t) / 168) +
      6 * random.normal(),
  );
}

const settings = { horizon: 48, levels: [80], seasons: [24, 168], model: "auto", residualHours: 24 * 7 };

/** Actual minus the model's 24-hour forecast from the first hour of each of the last 7 days. */
function dayAheadOf(model: Forecaster, values: Float64Array): number[] {
  const n = values.length;
  const origins = Array.from({ length: 7 }, (_, k) => n - 24 * 7 + 24 * k);
  const forecasts =
    model.forecastOrigins?.(values, origins, { horizon: 24, levels: [], seasons: [24, 168] }) ?? [];
  return origins.flatMap((origin, k) => Array.from(forecasts[k], (f, j) => values[origin + j] - f));
}

describe("runTask(input, settings)", () => {
  test("takes the day-ahead errors from the model auto chose for the series", () => {
    // A series where auto keeps Theta alone, so that its errors differ from those of the Theta + MSTL mean.
    const values = hourly(3);
    const { members } = forecastSeries(values, { ...settings, model: resolveModel("auto") });
    expect(members).toEqual(["theta"]);
    const task = runTask({ values }, settings);
    expect(task.model).toBe("auto: theta");
    const errors = Array.from(task.dayAheadErrors);
    expect(errors).toEqual(dayAheadOf(resolveModel("theta"), values));
    const thetaMstl = ensemble([resolveModel("theta"), resolveModel("mstl")], "mean");
    expect(errors).not.toEqual(dayAheadOf(thetaMstl, values));
  });

  test("takes the day-ahead errors from auto's pool with the pool's weights", () => {
    const values = hourly(2);
    const { members, weights } = forecastSeries(values, { ...settings, model: resolveModel("auto") });
    expect(members).toEqual(["theta", "mstl"]);
    expect(weights?.[0]).not.toBeCloseTo(0.5, 2);
    const task = runTask({ values }, settings);
    const pool = ensemble([resolveModel("theta"), resolveModel("mstl")], "mean", weights ?? undefined);
    const errors = Array.from(task.dayAheadErrors);
    expect(errors).toEqual(dayAheadOf(pool, values));
    expect(errors).not.toEqual(
      dayAheadOf(ensemble([resolveModel("theta"), resolveModel("mstl")], "mean"), values),
    );
  });

  test("takes the day-ahead errors from the run's own model for a model other than auto", () => {
    const values = hourly(4);
    const task = runTask({ values }, { ...settings, model: "snaive" });
    const errors = Array.from(task.dayAheadErrors);
    expect(errors).toEqual(dayAheadOf(resolveModel("snaive"), values));
    const thetaMstl = ensemble([resolveModel("theta"), resolveModel("mstl")], "mean");
    expect(errors).not.toEqual(dayAheadOf(thetaMstl, values));
    // A user's ensemble, and a drift alarm's model for one series, alike.
    const spec = "median(theta, snaive, naive)";
    const median = runTask({ values }, { ...settings, model: spec });
    expect(Array.from(median.dayAheadErrors)).toEqual(dayAheadOf(resolveModel(spec), values));
    const fallback = runTask({ values, model: "naive" }, settings);
    expect(Array.from(fallback.dayAheadErrors)).toEqual(dayAheadOf(resolveModel("naive"), values));
  });
});
