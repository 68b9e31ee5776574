import { describe, expect, test } from "vitest";
import { seasonalNaive } from "./seasonal-naive.js";
import { seasonalWindow } from "./seasonal-window.js";

describe("seasonalWindow(windowSeasons, season, kind)", () => {
  const last = (y: Float64Array, target: number, m: number) => y[target - m];
  const kind = { name: "last", label: "Last", statistic: last, defaultSeason: () => 3 };

  test("seasonalWindow() forecasts by its statistic, named by its kind", () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => (t % 3) * 5 + Math.sin(t));
    const request = { horizon: 7, levels: [80], seasons: [3] };
    const result = seasonalWindow(2, undefined, kind).forecast(y, request);
    expect([...result.mean]).toEqual([...seasonalNaive().forecast(y, request).mean]);
    expect(result.description).toBe("Last(3 x 2)");
    expect(seasonalWindow(2, undefined, kind).name).toBe("last");
  });

  test("seasonalWindow() takes the kind's default season, unless given one", () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => t);
    const request = { horizon: 1, levels: [], seasons: [] };
    expect(seasonalWindow(1, undefined, kind).forecast(y, request).description).toBe("Last(3 x 1)");
    expect(seasonalWindow(1, 4, kind).forecast(y, request).description).toBe("Last(4 x 1)");
  });

  test("seasonalWindow() refuses a bad window or season by name", () => {
    expect(() => seasonalWindow(0, undefined, kind)).toThrow(/windowSeasons must be an integer >= 1/);
    expect(() => seasonalWindow(1, 1, kind)).toThrow(/season must be an integer >= 2/);
  });
});
