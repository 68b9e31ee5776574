import { describe, expect, test } from "vitest";
import { Random } from "../random.js";
import { buildSamplePaths } from "./sample-paths.js";

const m = 3;
const H = 100;
const R = 24 * 14;

function inputs(seed = 1) {
  const random = new Random(seed);
  const mean = new Float64Array(m * H).fill(50);
  const errors = random.fillNormal(new Float64Array(m * R), 5);
  return { mean, leafCount: m, horizon: H, errors, poolLength: R };
}

describe("buildSamplePaths(options)", () => {
  test("the same seed gives the same paths, another seed others", () => {
    const a = buildSamplePaths({ ...inputs(), paths: 50, seed: 7 });
    const b = buildSamplePaths({ ...inputs(), paths: 50, seed: 7 });
    const c = buildSamplePaths({ ...inputs(), paths: 50, seed: 8 });
    expect([...a.index]).toEqual([...b.index]);
    expect([...a.index]).not.toEqual([...c.index]);
  });

  test("every hour draws a pool row of its own phase of the day, in runs of consecutive rows", () => {
    const phase = 5;
    const paths = buildSamplePaths({ ...inputs(), paths: 40, block: 24, season: 24, phase });
    let consecutive = 0;
    for (let p = 0; p < 40; p++)
      for (let t = 0; t < H; t++) {
        const r = paths.index[t * 40 + p];
        expect(r).toBeLessThan(R);
        expect((r - t - phase) % 24 === 0 || (r - t - phase) % 24 === 0).toBe(true);
        if (t > 0 && r === paths.index[(t - 1) * 40 + p] + 1) consecutive++;
      }
    // Blocks of 24 (the first shorter): at most 5 breaks in 100 hours of a path.
    expect(consecutive).toBeGreaterThanOrEqual(40 * (H - 1 - 5));
  });

  test("blocks start at hour 0, at firstBlock[p], then every block hours, and hold consecutive rows", () => {
    const paths = buildSamplePaths({ ...inputs(), paths: 30, block: 24 });
    expect(paths.block).toBe(24);
    for (let p = 0; p < 30; p++) {
      const first = paths.firstBlock[p];
      expect(first >= 1 && first <= 24).toBe(true);
      for (let t = 1; t < H; t++) {
        const edge = t === first || (t > first && (t - first) % 24 === 0);
        if (!edge) expect(paths.index[t * 30 + p]).toBe(paths.index[(t - 1) * 30 + p] + 1);
      }
    }
  });

  test("by default the pool ends right before the horizon: phase = poolLength mod season", () => {
    const paths = buildSamplePaths({
      ...inputs(),
      poolLength: R - 3,
      errors: inputs().errors.subarray(0, m * (R - 3)),
    });
    for (let t = 0; t < H; t++) expect(Math.abs((paths.index[t * paths.paths] - t - (R - 3)) % 24)).toBe(0);
  });

  test("with backtest trajectories (season = horizon, phase 0), hour t always reads some fold's error at t", () => {
    const folds = 4;
    const { mean } = inputs();
    const trajectories = new Random(3).fillNormal(new Float64Array(m * folds * H));
    const paths = buildSamplePaths({
      mean,
      leafCount: m,
      horizon: H,
      errors: trajectories,
      poolLength: folds * H,
      season: H,
      phase: 0,
      block: 24,
      paths: 60,
    });
    const foldsUsed = new Set<number>();
    for (let t = 0; t < H; t++)
      for (let p = 0; p < 60; p++) {
        const r = paths.index[t * 60 + p];
        expect(r % H).toBe(t);
        foldsUsed.add(Math.floor(r / H));
      }
    expect(foldsUsed.size).toBe(folds);
  });

  test("draws blocks from the whole pool", () => {
    const paths = buildSamplePaths({ ...inputs(), paths: 500, block: 24 });
    const used = new Set(paths.index);
    expect(used.size).toBeGreaterThan(R * 0.9);
  });

  test("stores the errors as 32-bit floats and 16-bit indices, and counts the bytes", () => {
    const paths = buildSamplePaths({ ...inputs(), paths: 20 });
    expect(paths.errors).toBeInstanceOf(Float32Array);
    expect(paths.index).toBeInstanceOf(Uint16Array);
    expect(paths.bytes).toBe(m * H * 8 + m * R * 4 + 20 * H * 2 + H * 8 + 20 * 4);
  });

  test("rejects bad input naming the parameter", () => {
    const ok = inputs();
    expect(() => buildSamplePaths({ ...ok, mean: new Float64Array(5) })).toThrow(
      "mean: length 5 is not leafCount (3) × horizon (100)",
    );
    expect(() => buildSamplePaths({ ...ok, errors: new Float64Array(5) })).toThrow(
      "errors: length 5 is not leafCount (3) × poolLength (336)",
    );
    const nanMean = Float64Array.from(ok.mean);
    nanMean[H + 2] = Number.NaN;
    expect(() => buildSamplePaths({ ...ok, mean: nanMean })).toThrow("mean: leaf 1 hour 2 is NaN");
    const nanErrors = Float64Array.from(ok.errors);
    nanErrors[2 * R + 4] = Number.NaN;
    expect(() => buildSamplePaths({ ...ok, errors: nanErrors })).toThrow("errors: leaf 2 row 4 is NaN");
    expect(() => buildSamplePaths({ ...ok, growth: new Float64Array(3) })).toThrow("growth: length 3");
    expect(() => buildSamplePaths({ ...ok, growth: new Float64Array(H).fill(-1) })).toThrow(
      "growth: hour 0 is -1",
    );
    expect(() => buildSamplePaths({ ...ok, paths: 0 })).toThrow("paths: 0 is not a positive integer");
    expect(() =>
      buildSamplePaths({ ...ok, block: 24, poolLength: 40, errors: ok.errors.subarray(0, m * 40) }),
    ).toThrow("poolLength: 40 rows cannot hold a 24-hour block at every phase of a 24-hour season (need 47)");
  });
});
