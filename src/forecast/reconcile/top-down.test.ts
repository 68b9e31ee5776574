import { describe, expect, test } from "vitest";
import { aggregateLeaves } from "./aggregate-leaves.js";
import { gridHierarchy, randomBase } from "./test-hierarchies.js";
import { topDown } from "./top-down.js";

describe("topDown(hierarchy, base, steps, path)", () => {
  const h = gridHierarchy(["SE", "NO", "DK"], ["mobile", "tv"]);
  const steps = 4;
  const base = randomBase(h, steps, 5);
  const at = (values: Float64Array, key: string, t: number) =>
    values[(h.indexOf.get(key) as number) * steps + t];

  test("keeps the total's forecast and splits it by the forecast proportions down total → geo → geo_device", () => {
    const all = aggregateLeaves(h, topDown(h, base, steps), steps);
    for (let t = 0; t < steps; t++) {
      expect(at(all, "total", t)).toBeCloseTo(at(base, "total", t), 10);
      const geoSum = at(base, "geo=SE", t) + at(base, "geo=NO", t) + at(base, "geo=DK", t);
      const se = (at(base, "total", t) * at(base, "geo=SE", t)) / geoSum;
      expect(at(all, "geo=SE", t)).toBeCloseTo(se, 10);
      const cellSum = at(base, "geo=SE|device=mobile", t) + at(base, "geo=SE|device=tv", t);
      expect(at(all, "geo=SE|device=tv", t)).toBeCloseTo(
        (se * at(base, "geo=SE|device=tv", t)) / cellSum,
        10,
      );
    }
  });

  test("the proportions of each parent's children sum to one", () => {
    const leaves = topDown(h, base, steps, ["total", "device", "geo_device"]);
    const all = aggregateLeaves(h, leaves, steps);
    for (let t = 0; t < steps; t++) {
      const devices = at(all, "device=mobile", t) + at(all, "device=tv", t);
      expect(devices / at(base, "total", t)).toBeCloseTo(1, 12);
      const mobileShares = ["SE", "NO", "DK"].map(
        (g) => at(all, `geo=${g}|device=mobile`, t) / at(all, "device=mobile", t),
      );
      expect(mobileShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  test("counts negative base forecasts as zero and splits equally when siblings sum to zero", () => {
    const b = Float64Array.from(base);
    const se = h.indexOf.get("geo=SE|device=mobile") as number;
    const seTv = h.indexOf.get("geo=SE|device=tv") as number;
    b[se * steps] = -3;
    b[se * steps + 1] = 0;
    b[seTv * steps + 1] = 0;
    const all = aggregateLeaves(h, topDown(h, b, steps), steps);
    expect(at(all, "geo=SE|device=mobile", 0)).toBe(0);
    expect(at(all, "geo=SE|device=tv", 0)).toBeCloseTo(at(all, "geo=SE", 0), 12);
    expect(at(all, "geo=SE|device=mobile", 1)).toBeCloseTo(at(all, "geo=SE", 1) / 2, 12);
    for (const v of all) expect(v).toBeGreaterThanOrEqual(0);
  });

  test("rejects a path that is not a chain of nested levels ending at the bottom", () => {
    expect(() => topDown(h, base, steps, ["total", "nope", "geo_device"])).toThrow(
      'path: unknown level "nope"',
    );
    expect(() => topDown(h, base, steps, ["total", "geo"])).toThrow(
      'path: must end at the bottom level "geo_device"',
    );
    expect(() => topDown(h, base, steps, ["geo", "device", "geo_device"])).toThrow(
      'path: level "device" does not split level "geo"',
    );
  });
});
