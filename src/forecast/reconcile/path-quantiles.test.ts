import { describe, expect, test } from "vitest";
import { Random } from "../random.js";
import { pathQuantiles } from "./path-quantiles.js";
import { buildSamplePaths, type SamplePaths } from "./sample-paths.js";
import { gridHierarchy } from "./test-hierarchies.js";

/** Type 7 quantile by sorting (reference). */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

/** Every leaf path written out, summed over the leaves, clipped per hour, summed per interval (reference). */
function bruteForce(store: SamplePaths, leaves: number[], bounds: number[], p: number) {
  const { horizon: H, poolLength: R } = store;
  const out: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let acc = 0;
    for (let t = bounds[i]; t < bounds[i + 1]; t++) {
      let v = 0;
      for (const l of leaves)
        v += store.mean[l * H + t] + store.growth[t] * store.errors[l * R + store.index[t * store.paths + p]];
      acc += Math.max(0, v);
    }
    out.push(acc);
  }
  return out;
}

function store(
  seed: number,
  options: { correlated?: boolean; level?: number; sd?: number; growth?: (t: number) => number } = {},
) {
  const m = 4;
  const H = 24 * 9;
  const R = 24 * 21;
  const random = new Random(seed);
  const mean = new Float64Array(m * H);
  for (let l = 0; l < m; l++)
    for (let t = 0; t < H; t++)
      mean[l * H + t] = (options.level ?? 100) * (1 + 0.5 * Math.sin((2 * Math.PI * t) / 24)) * (l + 1);
  const errors = new Float64Array(m * R);
  for (let r = 0; r < R; r++) {
    const common = random.normal();
    for (let l = 0; l < m; l++)
      errors[l * R + r] = (options.sd ?? 10) * (options.correlated ? common : random.normal());
  }
  const growth = options.growth
    ? Float64Array.from({ length: H }, (_, t) => options.growth?.(t) ?? 1)
    : undefined;
  return buildSamplePaths({
    mean,
    leafCount: m,
    horizon: H,
    errors,
    poolLength: R,
    paths: 400,
    block: 48,
    seed,
    growth,
  });
}

describe("pathQuantiles(store, leaves, start, end, granularity, probs)", () => {
  test("equals the quantiles of the leaf paths written out and summed, per day and over the range", () => {
    const s = store(3, { level: 5 });
    const leaves = [0, 2, 3];
    const q = pathQuantiles(s, leaves, 12, 12 + 24 * 5, "day", [0.1, 0.5, 0.9]);
    const bounds = [12, 36, 60, 84, 108, 132];
    const sums = Array.from({ length: s.paths }, (_, p) => bruteForce(s, leaves, bounds, p));
    expect(q.intervals.map((i) => [i.start, i.end])).toEqual(
      bounds.slice(0, -1).map((b, i) => [b, bounds[i + 1]]),
    );
    q.intervals.forEach((interval, i) => {
      [0.1, 0.5, 0.9].forEach((p, j) => {
        expect(interval.quantiles[j]).toBeCloseTo(
          quantile(
            sums.map((row) => row[i]),
            p,
          ),
          6,
        );
      });
    });
    const totals = sums.map((row) => row.reduce((a, b) => a + b, 0));
    expect(q.total.quantiles[2]).toBeCloseTo(quantile(totals, 0.9), 6);
  });

  test("pathQuantiles(..., sums) hands out each path's interval and range sums, both ways of summing", () => {
    for (const level of [5, 1000]) {
      const s = store(4, { level });
      const leaves = [1, 3];
      const bounds = [0, 24, 48, 72];
      const sums = new Float64Array(4 * s.paths);
      pathQuantiles(s, leaves, 0, 72, "day", [0.5], sums);
      for (let p = 0; p < s.paths; p++) {
        const reference = bruteForce(s, leaves, bounds, p);
        for (let i = 0; i < 3; i++) expect(sums[i * s.paths + p]).toBeCloseTo(reference[i], 6);
        expect(sums[3 * s.paths + p]).toBeCloseTo(reference[0] + reference[1] + reference[2], 6);
      }
    }
    expect(() => pathQuantiles(store(4), [0], 0, 72, "day", [0.5], new Float64Array(10))).toThrow(
      /sums: length 10/,
    );
  });

  test("where nothing can be clipped, block sums from prefix sums give the same answer as hour by hour", () => {
    // Level far above the errors. Growth constant by day (block sums), or constant by day for two days and then
    // changing every hour (runs of one hour: summed hour by hour instead).
    const byDay = (t: number) => 1 + Math.floor(t / 24) * 0.25;
    const hourly = (t: number) => (t < 48 ? 1 + Math.floor(t / 24) * 0.5 : 1 + t / 100);
    for (const [growth, start, end, granularity, bounds] of [
      [byDay, 0, 24 * 9, "day", Array.from({ length: 10 }, (_, d) => d * 24)],
      [byDay, 5, 100, [5, 6, 30, 77], [5, 6, 30, 77, 100]],
      [hourly, 0, 24 * 9, "day", Array.from({ length: 10 }, (_, d) => d * 24)],
      [hourly, 5, 100, [5, 6, 30, 77], [5, 6, 30, 77, 100]],
      [hourly, 40, 60, "hour", Array.from({ length: 21 }, (_, i) => 40 + i)],
    ] as const) {
      const s = store(17, { level: 1000, growth });
      const q = pathQuantiles(s, [0, 3], start, end, granularity, [0.1, 0.5, 0.9]);
      const sums = Array.from({ length: s.paths }, (_, p) => bruteForce(s, [0, 3], [...bounds], p));
      q.intervals.forEach((interval, i) => {
        [0.1, 0.5, 0.9].forEach((p, j) => {
          expect(interval.quantiles[j]).toBeCloseTo(
            quantile(
              sums.map((row) => row[i]),
              p,
            ),
            6,
          );
        });
      });
    }
  });

  test("the no-clipping bound goes phase by phase: errors that follow the daily shape, or one deep hour", () => {
    // Means dip to 5% at hour 18. Pool row r is hour (r - 5) mod 24 of the day (phase 5).
    const H = 24 * 6;
    const R = 24 * 20 + 5;
    const shape = (hour: number) => 1 + 0.95 * Math.sin((2 * Math.PI * hour) / 24);
    const random = new Random(23);
    const mean = Float64Array.from({ length: 2 * H }, (_, i) => 100 * shape(i % H));
    // Errors as large as the mean at their own hour only (never clipped), and errors of −50 at hour 18 only
    // (clipped there, where the mean is 5, and nowhere else).
    const shaped = Float64Array.from(
      { length: 2 * R },
      (_, i) => 30 * shape((i % R) - 5) * Math.tanh(random.normal()),
    );
    const deep = Float64Array.from({ length: 2 * R }, (_, i) =>
      ((i % R) - 5 + 24) % 24 === 18 && random.next() < 0.5 ? -50 : 0,
    );
    for (const errors of [shaped, deep]) {
      const s = buildSamplePaths({
        mean,
        leafCount: 2,
        horizon: H,
        errors,
        poolLength: R,
        paths: 300,
        block: 48,
      });
      for (const leaves of [[0], [0, 1]]) {
        const q = pathQuantiles(s, leaves, 0, H, "day", [0.1, 0.5, 0.9]);
        const bounds = Array.from({ length: 7 }, (_, d) => d * 24);
        const sums = Array.from({ length: s.paths }, (_, p) => bruteForce(s, leaves, bounds, p));
        q.intervals.forEach((interval, i) => {
          [0.1, 0.5, 0.9].forEach((p, j) => {
            expect(interval.quantiles[j]).toBeCloseTo(
              quantile(
                sums.map((row) => row[i]),
                p,
              ),
              6,
            );
          });
        });
      }
    }
  });

  test("quantiles of a sum are not the sum of quantiles: independent leaves spread less than correlated ones", () => {
    const spread = (s: SamplePaths, leaves: number[]) => {
      const q = pathQuantiles(s, leaves, 0, 24, "day", [0.1, 0.9]).total.quantiles;
      return q[1] - q[0];
    };
    for (const [correlated, lowRatio, highRatio] of [
      [false, 0.4, 0.65],
      [true, 0.95, 1.05],
    ] as const) {
      const s = store(5, { correlated });
      const separately = [0, 1, 2, 3].reduce((a, l) => a + spread(s, [l]), 0);
      // Four independent leaves of sd ~ equal: the 80% width of the sum is about half the sum of widths.
      const ratio = spread(s, [0, 1, 2, 3]) / separately;
      expect(ratio).toBeGreaterThan(lowRatio);
      expect(ratio).toBeLessThan(highRatio);
    }
  });

  test("means add up: hours to days to the range, leaves to targetings", () => {
    const s = store(7);
    const hourly = pathQuantiles(s, [1, 2], 0, 48, "hour");
    const daily = pathQuantiles(s, [1, 2], 0, 48, "day");
    const one = pathQuantiles(s, [1], 0, 48, "day");
    const two = pathQuantiles(s, [2], 0, 48, "day");
    const sumHours = hourly.intervals.slice(0, 24).reduce((a, i) => a + i.mean, 0);
    expect(daily.intervals[0].mean).toBeCloseTo(sumHours, 9);
    expect(daily.total.mean).toBeCloseTo(one.total.mean + two.total.mean, 9);
    expect(hourly.intervals).toHaveLength(48);
  });

  test("never goes below zero, even where errors exceed the mean", () => {
    const s = store(9, { level: 1, sd: 50 });
    const q = pathQuantiles(s, [0], 0, 48, "hour", [0, 0.1, 0.5]);
    for (const i of q.intervals) for (const v of i.quantiles) expect(v).toBeGreaterThanOrEqual(0);
    expect(q.intervals.some((i) => i.quantiles[0] === 0)).toBe(true);
  });

  test("hourly quantiles with many tied zeros equal those of the written-out paths", () => {
    const s = store(21, { level: 0.01, sd: 1 });
    const q = pathQuantiles(s, [0, 1], 0, 24, "hour", [0, 0.1, 0.5, 0.55, 0.9, 1]);
    const bounds = Array.from({ length: 25 }, (_, t) => t);
    const sums = Array.from({ length: s.paths }, (_, p) => bruteForce(s, [0, 1], bounds, p));
    expect(sums.filter((row) => row[3] === 0).length).toBeGreaterThan(s.paths / 4);
    q.intervals.forEach((interval, i) => {
      [0, 0.1, 0.5, 0.55, 0.9, 1].forEach((p, j) => {
        expect(interval.quantiles[j]).toBeCloseTo(
          quantile(
            sums.map((row) => row[i]),
            p,
          ),
          9,
        );
      });
    });
  });

  test("takes interval starts for local days of 23 or 25 hours", () => {
    const s = store(11);
    const q = pathQuantiles(s, [0, 1], 0, 72, [0, 23, 48]);
    expect(q.intervals.map((i) => i.end - i.start)).toEqual([23, 25, 24]);
    const sums = Array.from({ length: s.paths }, (_, p) => bruteForce(s, [0, 1], [0, 23, 48, 72], p));
    expect(q.intervals[1].quantiles[1]).toBeCloseTo(
      quantile(
        sums.map((r) => r[1]),
        0.5,
      ),
      6,
    );
  });

  test("weeks are 168 hours from start, the last cut at end", () => {
    const s = store(13);
    const q = pathQuantiles(s, [3], 10, 200, "week");
    expect(q.intervals.map((i) => [i.start, i.end])).toEqual([
      [10, 178],
      [178, 200],
    ]);
  });

  test("with the hierarchy's aggregates summed in advance, answers as from the leaves (to Float32 rounding)", () => {
    const h = gridHierarchy(["SE", "NO", "DK"], ["mobile", "tv"]);
    const random = new Random(4);
    const H = 72;
    const R = 24 * 10;
    const mean = Float64Array.from({ length: 6 * H }, () => 20 + 80 * random.next());
    const errors = random.fillNormal(new Float64Array(6 * R), 8);
    const options = { mean, leafCount: 6, horizon: H, errors, poolLength: R, paths: 200, block: 24 };
    const plain = buildSamplePaths(options);
    const grouped = buildSamplePaths({ ...options, hierarchy: h });
    expect(grouped.groups?.start.length).toBe(1 + 1 + 3 + 2); // total, 3 geos, 2 devices
    expect(grouped.bytes).toBeGreaterThan(plain.bytes);
    // SE and NO whole (two geo aggregates), plus DK|mobile alone; and every leaf (the total).
    for (const leaves of [
      [0, 1, 2, 3, 4],
      [5, 4, 3, 2, 1, 0],
      [1, 3, 5],
    ]) {
      const a = pathQuantiles(plain, leaves, 0, H, "day");
      const b = pathQuantiles(grouped, leaves, 0, H, "day");
      a.intervals.forEach((interval, i) => {
        expect(b.intervals[i].mean).toBeCloseTo(interval.mean, 9);
        interval.quantiles.forEach((v, j) => {
          expect(Math.abs(b.intervals[i].quantiles[j] - v) / v).toBeLessThan(1e-6);
        });
      });
    }
  });

  test("rejects bad input naming the parameter", () => {
    const s = store(1);
    expect(() => pathQuantiles(s, [], 0, 24, "day")).toThrow("leaves: no leaves");
    expect(() => pathQuantiles(s, [4], 0, 24, "day")).toThrow("leaves: 4 is not a leaf index in [0, 4)");
    expect(() => pathQuantiles(s, [1, 1], 0, 24, "day")).toThrow("leaves: 1 appears twice");
    expect(() => pathQuantiles(s, [1], 24, 24, "day")).toThrow("start, end: [24, 24)");
    expect(() => pathQuantiles(s, [1], 0, 1000, "day")).toThrow(
      "start, end: [0, 1000) is not a non-empty range",
    );
    expect(() => pathQuantiles(s, [1], 0, 24, "month" as never)).toThrow('granularity: "month" is not');
    expect(() => pathQuantiles(s, [1], 0, 24, [1, 5])).toThrow(
      "granularity: the first interval must start at start (0)",
    );
    expect(() => pathQuantiles(s, [1], 0, 24, [0, 5, 5])).toThrow("granularity: interval start 5");
    expect(() => pathQuantiles(s, [1], 0, 24, "day", [1.5])).toThrow("probs: 1.5 is not within [0, 1]");
  });
});
