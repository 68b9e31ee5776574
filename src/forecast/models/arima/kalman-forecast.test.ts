import { describe, expect, test } from "vitest";
import { fitArima } from "./fit-arima.js";
import { kalmanForecast } from "./kalman-forecast.js";

function seasonalSeries(n: number): Float64Array {
  return Float64Array.from(
    { length: n },
    (_, t) => 100 + 0.5 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7919) % 13) / 3,
  );
}

describe("kalmanForecast(model, horizon, withVariance)", () => {
  test("without variances gives the same means and an empty variance", () => {
    const order = { p: 1, d: 1, q: 1, P: 0, D: 1, Q: 1, period: 12 };
    const fit = fitArima(seasonalSeries(96), { order });
    const full = kalmanForecast(fit.model, 18);
    const meansOnly = kalmanForecast(fit.model, 18, false);
    expect(Array.from(meansOnly.mean)).toEqual(Array.from(full.mean));
    expect(meansOnly.variance.length).toBe(0);
    expect(full.variance.length).toBe(18);
    // the model's state is left as it was: a second forecast is the same
    expect(Array.from(kalmanForecast(fit.model, 18).variance)).toEqual(Array.from(full.variance));
  });
});
