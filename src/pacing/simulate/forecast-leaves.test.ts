import { describe, expect, it } from "vitest";
import { resolveModel } from "../../forecast/models/registry.js";
import { forecastLeaves } from "./forecast-leaves.js";
import type { LeafTraffic } from "./leaf-traffic.js";
import { stretchForecasts } from "./stretch-forecasts.js";

/** Two leaves, 21 days: a daily cycle around 50 and 20 an hour, the last 7 days the stretch. */
function traffic(): LeafTraffic {
  const hours = 21 * 24;
  const values = new Float64Array(2 * hours);
  for (let h = 0; h < hours; h++) {
    const shape = 1 + 0.5 * Math.sin((2 * Math.PI * h) / 24);
    values[h] = Math.round(50 * shape);
    values[hours + h] = Math.round(20 * shape);
  }
  return {
    level: "geo",
    keys: ["geo=NO", "geo=SE"],
    start: Date.UTC(2026, 9, 1),
    hours,
    stretchStart: 14 * 24,
    values,
  };
}

describe("forecastLeaves(traffic, at, horizon, options)", () => {
  it("forecasts every leaf from its history before the hour only", () => {
    const base = traffic();
    const at = base.stretchStart + 24;
    const model = resolveModel("auto");
    const a = forecastLeaves(base, at, 48, { model });
    const values = Float64Array.from(base.values);
    for (let h = at; h < base.hours; h++) {
      values[h] = h % 7 === 0 ? Number.NaN : 10 * values[h];
      values[base.hours + h] = 0;
    }
    const b = forecastLeaves({ ...base, values }, at, 48, { model });
    expect(b.mean).toEqual(a.mean);
    expect(a.mean.length).toBe(2 * 48);
    // It follows the daily cycle: near 75 at the peak (h mod 24 = 6) of the first leaf.
    expect(a.mean[6]).toBeGreaterThan(65);
    expect(a.mean[48 + 18]).toBeLessThan(15);
  });

  it("fills missing history hours instead of failing, and forecasts 0 for a leaf with no observation", () => {
    const base = traffic();
    const values = Float64Array.from(base.values);
    values[100] = Number.NaN;
    values.fill(Number.NaN, base.hours, 2 * base.hours);
    const f = forecastLeaves({ ...base, values }, base.stretchStart, 24, { model: resolveModel("theta") });
    for (let t = 0; t < 24; t++) {
      expect(Number.isFinite(f.mean[t])).toBe(true);
      expect(f.mean[24 + t]).toBe(0);
    }
  });

  it("refuses an hour outside the traffic and a horizon below 1, naming them", () => {
    const model = resolveModel("snaive");
    expect(() => forecastLeaves(traffic(), 10_000, 24, { model })).toThrow(/forecast hour/);
    expect(() => forecastLeaves(traffic(), 100, 0, { model })).toThrow(/forecast horizon/);
  });
});

describe("stretchForecasts(traffic, reforecastHours, options)", () => {
  it("makes one forecast per simulated day, each reaching to the stretch's end", () => {
    const base = traffic();
    const forecasts = stretchForecasts(base, 24, { model: resolveModel("snaive") });
    expect(forecasts.map((f) => [f.at - base.stretchStart, f.horizon])).toEqual([
      [0, 168],
      [24, 144],
      [48, 120],
      [72, 96],
      [96, 72],
      [120, 48],
      [144, 24],
    ]);
  });
});
