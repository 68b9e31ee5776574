import { describe, expect, test } from "vitest";
import { autoForecaster } from "./auto-forecaster.js";
import { conformalForecaster } from "./conformal-forecaster.js";
import type { Forecaster } from "./forecaster.js";
import { brokenModel, lastValue, meanModel, seasonalNaive, TestRandom } from "./test-models.js";

const candidates = [lastValue, seasonalNaive, meanModel];

function weeklyPattern(n: number, seed: number): Float64Array {
  const random = new TestRandom(seed);
  const week = [3, 5, 6, 6, 5, 1, 0];
  return Float64Array.from({ length: n }, (_, t) => 10 + 4 * week[t % 7] + 0.3 * random.normal());
}

function randomWalk(n: number, seed: number): Float64Array {
  const random = new TestRandom(seed);
  let level = 50;
  return Float64Array.from({ length: n }, () => {
    level += random.normal();
    return level;
  });
}

/** A real model whose calls are counted, with the `fits` its cross-validation asked for. */
function counted(
  model: Forecaster,
  calls: { forecast: number; origins: number; fits?: number[] },
): Forecaster {
  return {
    name: model.name,
    forecast(y, request) {
      calls.forecast++;
      return model.forecast(y, request);
    },
    forecastOrigins(y, origins, request, fits) {
      calls.origins++;
      calls.fits?.push(fits ?? 1);
      return model.forecastOrigins?.(y, origins, request, fits) ?? [];
    },
  };
}

/**
 * The seasonal naive model with a final forecast from its folds that says so and sits `offset` above the
 * model's own; its own forecast of the whole series is counted.
 */
function withFinal(offset: number, calls: { forecast: number; final: number }): Forecaster {
  return {
    name: "snaive-final",
    forecast(y, request) {
      calls.forecast++;
      return seasonalNaive.forecast(y, request);
    },
    forecastOrigins: (y, origins, request) => seasonalNaive.forecastOrigins?.(y, origins, request) ?? [],
    forecastOriginsThenFinal(y, origins, request) {
      const means = seasonalNaive.forecastOrigins?.(y, origins, request) ?? [];
      const final = (asked: typeof request) => {
        calls.final++;
        const own = seasonalNaive.forecast(y, asked);
        return { ...own, mean: own.mean.map((v) => v + offset), description: "from the folds" };
      };
      return { means, final };
    },
  };
}

/** The seasonal naive forecast moved up by `offset` from even origins and down from odd ones. */
function alternating(name: string, offset: number): Forecaster {
  const shift = (mean: Float64Array, origin: number) =>
    mean.map((value) => value + (origin % 2 === 0 ? offset : -offset));
  return {
    name,
    forecast(y, request) {
      const result = seasonalNaive.forecast(y, request);
      return { ...result, mean: shift(result.mean, y.length) };
    },
    forecastOrigins: (y, origins, request) =>
      (seasonalNaive.forecastOrigins?.(y, origins, request) ?? []).map((mean, k) => shift(mean, origins[k])),
  };
}

/** The seasonal naive forecast moved by `offset`, under another name. */
function shifted(name: string, offset: number): Forecaster {
  const shift = (mean: Float64Array) => mean.map((value) => value + offset);
  return {
    name,
    forecast(y, request) {
      const result = seasonalNaive.forecast(y, request);
      return { ...result, mean: shift(result.mean) };
    },
    forecastOrigins: (y, origins, request) =>
      (seasonalNaive.forecastOrigins?.(y, origins, request) ?? []).map(shift),
  };
}

describe("autoForecaster(candidates)", () => {
  test("picks the seasonal naive model for a weekly pattern and says so", () => {
    const report = autoForecaster(candidates).forecastWithReport(weeklyPattern(150, 1), {
      horizon: 7,
      levels: [80, 95],
      seasons: [7],
    });
    expect(report.selection.winner).toBe("snaive");
    expect(report.result.description).toBe("auto: snaive");
    expect(report.intervals).toBe("conformal");
    expect(report.warnings).toEqual([]);
    const labels = report.selection.scores.map((s) => s.label);
    expect(labels[0]).toBe("snaive");
    // The three candidates, no pool: the others are far from the seasonal naive model's MASE.
    expect(labels).toHaveLength(3);
    const scores = report.selection.scores.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(report.selection.scores[0].score).toBe(1); // the best MASE
    expect(scores[1]).toBeGreaterThan(1.2);
    for (const s of report.selection.scores) expect(s.msis).toBeGreaterThan(0);
  });

  test("picks the last value for a random walk", () => {
    const report = autoForecaster(candidates).forecastWithReport(randomWalk(150, 2), {
      horizon: 7,
      levels: [80],
      seasons: [7],
    });
    expect(report.selection.winner).toBe("last");
    expect(report.result.description).toBe("auto: last");
  });

  test("picks the mean of two models when their combination forecasts better than either", () => {
    // AR(1) with phi = 0.5: one step ahead, the average of the last value and the mean is the optimal
    // forecast mu + 0.5 (y - mu), which beats both.
    const random = new TestRandom(3);
    let noise = 0;
    const y = Float64Array.from({ length: 400 }, () => {
      noise = 0.5 * noise + random.normal();
      return 20 + noise;
    });
    // Every origin scores here: one-step errors at 25 origins, the latest half, are too few to tell.
    const report = autoForecaster([lastValue, meanModel], { scoredShare: 1 }).forecastWithReport(y, {
      horizon: 1,
      levels: [80],
      seasons: [],
    });
    expect(report.selection.winner).toMatch(/^ensemble\((last, mean|mean, last)\)$/);
    expect([...report.selection.members].sort()).toEqual(["last", "mean"]);
    expect(report.result.description).toBe(`auto: ${report.selection.winner}`);
    // The estimated weights find the optimal half and half, near enough.
    const [wFirst, wSecond] = report.selection.weights;
    expect(wFirst + wSecond).toBeCloseTo(1, 12);
    expect(wFirst).toBeGreaterThan(0.4);
    expect(wFirst).toBeLessThan(0.6);
    const weightOf = (name: string) => report.selection.weights[report.selection.members.indexOf(name)];
    const mean = y.reduce((s, v) => s + v, 0) / 400;
    expect(report.result.mean[0]).toBeCloseTo(weightOf("last") * y[399] + weightOf("mean") * mean, 12);
  });

  test("calibrates the winner on the cross-validation errors it already has", () => {
    const y = weeklyPattern(150, 4);
    const request = { horizon: 7, levels: [80, 95], seasons: [7] };
    const auto = autoForecaster(candidates).forecastWithReport(y, request);
    const alone = conformalForecaster(seasonalNaive).forecastWithReport(y, request);
    expect(auto.result.lower).toEqual(alone.result.lower);
    expect(auto.result.upper).toEqual(alone.result.upper);
  });

  test("runs each candidate's cross-validation once and fits only the winner again", () => {
    const calls = candidates.map(() => ({ forecast: 0, origins: 0 }));
    const models = candidates.map((model, i) => counted(model, calls[i]));
    autoForecaster(models).forecast(weeklyPattern(150, 5), { horizon: 7, levels: [80], seasons: [7] });
    expect(calls).toEqual([
      { forecast: 0, origins: 1 },
      { forecast: 1, origins: 1 },
      { forecast: 0, origins: 1 },
    ]);
  });

  test("keeps the winner's own intervals when conformal is off", () => {
    const y = weeklyPattern(150, 6);
    const request = { horizon: 7, levels: [80], seasons: [7] };
    const report = autoForecaster(candidates).forecastWithReport(y, request, { conformal: false });
    expect(report.intervals).toBe("model");
    expect(report.result.lower).toEqual(seasonalNaive.forecast(y, request).lower);
  });

  test("uses the first candidate with its own intervals on a series too short to select, and says so", () => {
    const report = autoForecaster([seasonalNaive, lastValue]).forecastWithReport(weeklyPattern(20, 7), {
      horizon: 7,
      levels: [80],
      seasons: [7],
    });
    expect(report.result.description).toBe("auto: snaive");
    expect(report.intervals).toBe("model");
    expect(report.selection).toEqual({
      winner: "snaive",
      members: ["snaive"],
      weights: [1],
      scores: [],
      origins: 0,
    });
    expect(report.warnings).toEqual([
      'too short to select a model (20 points for horizon 7): used the first candidate, "snaive", with its own intervals',
    ]);
  });

  test("leaves out a candidate that fails and reports why", () => {
    const report = autoForecaster([brokenModel, seasonalNaive]).forecastWithReport(weeklyPattern(150, 8), {
      horizon: 7,
      levels: [80],
      seasons: [7],
    });
    expect(report.selection.winner).toBe("snaive");
    const failed = report.selection.scores.find((s) => s.label === "broken");
    expect(failed?.score).toBeNaN();
    expect(failed?.error).toMatch(
      /^model "broken" returned a non-finite forecast \(NaN\) at origin \d+, step 1$/,
    );
    expect(report.warnings).toEqual([`candidate "broken" left out: ${failed?.error}`]);
  });

  test("throws when every candidate fails", () => {
    expect(() =>
      autoForecaster([brokenModel]).forecast(weeklyPattern(150, 9), {
        horizon: 7,
        levels: [80],
        seasons: [7],
      }),
    ).toThrow(/^candidates: every candidate failed cross-validation \(broken: model "broken" returned/);
  });

  test("pools every candidate within poolMargin of the best MASE, in the candidates' order", () => {
    const y = weeklyPattern(150, 1);
    const request = { horizon: 7, levels: [80, 95], seasons: [7] };
    const alone = autoForecaster(candidates).forecastWithReport(y, request);
    const [first, second, third] = alone.selection.scores.map((s) => s.score);
    expect(first).toBe(1);
    // A margin between the second and the third candidate's relative MASE pools the best two.
    const two = autoForecaster(candidates, {
      poolMargin: (second + third) / 2 - 1,
      poolTest: Number.POSITIVE_INFINITY,
    }).forecastWithReport(y, request);
    const pooled = alone.selection.scores.slice(0, 2).map((s) => s.label);
    expect(two.selection.members).toEqual(
      candidates.map((c) => c.name).filter((name) => pooled.includes(name)),
    );
    expect(two.selection.winner).toBe(`ensemble(${two.selection.members.join(", ")})`);
    expect(two.result.description).toBe(`auto: ${two.selection.winner}`);
    const means = two.selection.members.map((name) => {
      const model = candidates.find((c) => c.name === name);
      return model?.forecast(y, request).mean ?? new Float64Array(7);
    });
    const [w0, w1] = two.selection.weights;
    for (let j = 0; j < 7; j++)
      expect(two.result.mean[j]).toBeCloseTo(w0 * means[0][j] + w1 * means[1][j], 12);
    // With the shrinkage at 1 the weights are equal: the plain mean.
    const plain = autoForecaster(candidates, {
      poolMargin: (second + third) / 2 - 1,
      poolTest: Number.POSITIVE_INFINITY,
      weightShrinkage: 1,
    }).forecastWithReport(y, request);
    expect(plain.selection.weights).toEqual([0.5, 0.5]);
    for (let j = 0; j < 7; j++) expect(plain.result.mean[j]).toBeCloseTo((means[0][j] + means[1][j]) / 2, 12);
    // The pool's own cross-validation MASE is listed with the candidates.
    expect(two.selection.scores.map((s) => s.label)).toContain(two.selection.winner);
    const all = autoForecaster(candidates, {
      poolMargin: third,
      poolTest: Number.POSITIVE_INFINITY,
    }).forecastWithReport(y, request);
    expect(all.selection.winner).toBe("ensemble(last, snaive, mean)");
    // Margin 0 keeps the best alone.
    expect(
      autoForecaster(candidates, { poolMargin: 0 }).forecastWithReport(y, request).selection.winner,
    ).toBe("snaive");
  });

  test("shrinks the pool's weights towards equal shares per family: a twin shares its model's (Forecaster.family)", () => {
    const y = weeklyPattern(150, 1);
    const request = { horizon: 7, levels: [80, 95], seasons: [7] };
    const seasonless = { ...request, seasons: [] };
    const twin: Forecaster = {
      name: "snaive (no season)",
      family: "snaive",
      forecast: (data, r) => seasonalNaive.forecast(data, { ...r, seasons: [] }),
      forecastOrigins: (data, at) => seasonalNaive.forecastOrigins?.(data, at, seasonless) ?? [],
    };
    const wide = { poolMargin: 100, poolTest: Number.POSITIVE_INFINITY };
    const plain = autoForecaster([meanModel, seasonalNaive, twin], { ...wide, weightShrinkage: 1 });
    const report = plain.forecastWithReport(y, request);
    expect(report.selection.members).toEqual(["mean", "snaive", "snaive (no season)"]);
    expect(report.selection.weights).toEqual([0.5, 0.25, 0.25]);
    // Without the family, the twin is a model of its own and each member takes a third.
    const own = autoForecaster([meanModel, seasonalNaive, { ...twin, family: undefined }], {
      ...wide,
      weightShrinkage: 1,
    }).forecastWithReport(y, request);
    expect(own.selection.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // Half estimated: each weight is half the estimate's plus half the family share, so the shares show
    // through the difference between the two runs.
    const half = autoForecaster([meanModel, seasonalNaive, twin], wide).forecastWithReport(y, request);
    const halfOwn = autoForecaster([meanModel, seasonalNaive, { ...twin, family: undefined }], wide);
    const other = halfOwn.forecastWithReport(y, request).selection.weights;
    const shift = [0.5 - 1 / 3, 0.25 - 1 / 3, 0.25 - 1 / 3].map((d) => d / 2);
    expect(half.selection.members).toEqual(report.selection.members);
    for (let m = 0; m < 3; m++) expect(half.selection.weights[m] - other[m]).toBeCloseTo(shift[m], 12);
  });

  test("keeps out of the pool a candidate within poolMargin whose errors are worse beyond chance (poolTest)", () => {
    const y = weeklyPattern(150, 1);
    const request = { horizon: 7, levels: [80, 95], seasons: [7] };
    // Off by 0.25 on a series whose seasonal naive errors have a spread of about 0.42: worse at most origins.
    const worse = shifted("worse", 0.25);
    const wide = { poolMargin: 0.5 };
    const tested = autoForecaster([seasonalNaive, worse], wide).forecastWithReport(y, request);
    const [best, second] = tested.selection.scores;
    expect(best.label).toBe("snaive");
    expect(second.label).toBe("worse");
    expect(second.score).toBeLessThan(1.5);
    expect(tested.selection.winner).toBe("snaive");
    // On the margin alone it is pooled.
    const marginOnly = autoForecaster([seasonalNaive, worse], {
      ...wide,
      poolTest: Number.POSITIVE_INFINITY,
    }).forecastWithReport(y, request);
    expect(marginOnly.selection.winner).toBe("ensemble(snaive, worse)");
    // A candidate off by as much either way, origin by origin, is not worse beyond chance: it stays in.
    const wobbly = alternating("wobbly", 0.05);
    const both = autoForecaster([seasonalNaive, wobbly]).forecastWithReport(y, request);
    expect(both.selection.winner).toBe("ensemble(snaive, wobbly)");
  });

  test("weights the pool so that two members that err alike count about as one", () => {
    const y = weeklyPattern(150, 1);
    const request = { horizon: 7, levels: [80, 95], seasons: [7] };
    const open = { poolMargin: 10, poolTest: Number.POSITIVE_INFINITY };
    const wobbly = alternating("wobbly", 0.3);
    const pair = autoForecaster([seasonalNaive, wobbly], open).forecastWithReport(y, request);
    expect(pair.selection.members).toEqual(["snaive", "wobbly"]);
    // A near-copy of the seasonal naive model joins: under equal weights the copies would hold two thirds.
    const near = shifted("near", 0.001);
    const trio = autoForecaster([seasonalNaive, near, wobbly], open).forecastWithReport(y, request);
    expect(trio.selection.members).toEqual(["snaive", "near", "wobbly"]);
    const [a, b, c] = trio.selection.weights;
    expect(a + b + c).toBeCloseTo(1, 12);
    // Half of each weight is equal (1/2 or 1/3); the estimated half gives the copies together what one gets.
    const estimated = (weight: number, k: number) => (weight - 0.5 / k) / 0.5;
    expect(estimated(c, 3)).toBeCloseTo(estimated(pair.selection.weights[1], 2), 2);
    expect(estimated(a, 3) + estimated(b, 3)).toBeCloseTo(estimated(pair.selection.weights[0], 2), 2);
    // Under equal weights the copies would hold two thirds.
    expect(a + b).toBeGreaterThan(0.75);
  });

  test("rejects a weightShrinkage outside [0, 1]", () => {
    expect(() => autoForecaster(candidates, { weightShrinkage: 1.5 })).toThrow(
      /^weightShrinkage: 1.5 is not in \[0, 1\]$/,
    );
    expect(() => autoForecaster(candidates, { weightShrinkage: Number.NaN })).toThrow(
      /^weightShrinkage: NaN/,
    );
  });

  test("pools a candidate that forecast exactly as an earlier one at every origin only once", () => {
    const y = weeklyPattern(150, 1);
    const request = { horizon: 7, levels: [80, 95], seasons: [7] };
    const twin = shifted("twin", 0);
    const report = autoForecaster([seasonalNaive, twin]).forecastWithReport(y, request);
    expect(report.selection.winner).toBe("snaive");
    expect(report.selection.scores.map((s) => s.label)).toEqual(["snaive", "twin"]);
    expect(report.result.mean).toEqual(
      autoForecaster([seasonalNaive]).forecastWithReport(y, request).result.mean,
    );
  });

  test("cross-validates each candidate with `fits` fits, 3 unless told", () => {
    const y = weeklyPattern(150, 5);
    const request = { horizon: 7, levels: [80], seasons: [7] };
    const calls = { forecast: 0, origins: 0, fits: [] as number[] };
    autoForecaster([counted(seasonalNaive, calls), meanModel]).forecast(y, request);
    expect(calls.fits).toEqual([3]);
    calls.fits.length = 0;
    autoForecaster([counted(seasonalNaive, calls), meanModel], { fits: 1 }).forecast(y, request);
    expect(calls.fits).toEqual([1]);
  });

  test("scores the candidates on the latest half of the origins unless told otherwise (scoredShare)", () => {
    // Scripted candidates whose error is a set offset from the truth: `steady` is off by 0 at the earlier half
    // of the origins and by 1.6 at the later half (0.8 on average), `recent` by 1.4 and then 0.6 (1.0).
    const scripted = (name: string, before: number, after: number): Forecaster => ({
      name,
      forecast: (y, request) => lastValue.forecast(y, request),
      forecastOrigins: (y, origins, request) =>
        origins.map((origin, k) => {
          const offset = k < Math.floor(origins.length / 2) ? before : after;
          return Float64Array.from({ length: request.horizon }, (_, j) => y[origin + j] + offset);
        }),
    });
    const pair = [scripted("steady", 0, 1.6), scripted("recent", 1.4, 0.6)];
    const y = weeklyPattern(200, 7);
    const request = { horizon: 7, levels: [80], seasons: [7] };
    const latest = autoForecaster(pair).forecastWithReport(y, request).selection;
    expect(latest.winner).toBe("recent");
    const scores = new Map(latest.scores.map((s) => [s.label, s.mase]));
    expect((scores.get("steady") as number) / (scores.get("recent") as number)).toBeCloseTo(1.6 / 0.6, 10);
    const every = autoForecaster(pair, { scoredShare: 1 }).forecastWithReport(y, request).selection;
    expect(every.winner).toBe("steady");
    expect(every.scores[0].label).toBe("steady");
  });

  test("rejects bad candidates and options with the parameter's name", () => {
    expect(() => autoForecaster([])).toThrow("candidates: at least one forecaster");
    expect(() => autoForecaster([lastValue, lastValue])).toThrow('candidates: "last" appears twice');
    expect(() => autoForecaster(candidates, { poolMargin: -0.1 })).toThrow(
      "poolMargin: -0.1 is not a number >= 0",
    );
    expect(() => autoForecaster(candidates, { poolMargin: Number.NaN })).toThrow("poolMargin: NaN");
    expect(() => autoForecaster(candidates, { poolTest: -1 })).toThrow("poolTest: -1 is not a number >= 0");
    expect(() => autoForecaster(candidates, { poolTest: Number.NaN })).toThrow("poolTest: NaN");
    expect(() => autoForecaster(candidates, { fits: 0 })).toThrow("fits: 0 is not an integer >= 1");
    expect(() => autoForecaster(candidates, { fits: 2.5 })).toThrow("fits: 2.5");
    expect(() => autoForecaster(candidates, { scoredShare: 0 })).toThrow("scoredShare: 0 is not in (0, 1]");
    expect(() => autoForecaster(candidates, { scoredShare: 1.5 })).toThrow("scoredShare: 1.5");
    expect(() =>
      autoForecaster(candidates).forecast(Float64Array.of(1, 2), { horizon: 1, levels: [0], seasons: [] }),
    ).toThrow("levels: 0");
  });

  test("is named auto", () => {
    expect(autoForecaster(candidates).name).toBe("auto");
  });

  test("fits a kept candidate with forecastOriginsThenFinal by its final, not by forecast", () => {
    const y = weeklyPattern(150, 5);
    const request = { horizon: 7, levels: [80], seasons: [7] };
    const calls = { forecast: 0, final: 0 };
    const alone = autoForecaster([withFinal(1, calls)]).forecastWithReport(y, request, { conformal: false });
    const own = seasonalNaive.forecast(y, request);
    expect(Array.from(alone.result.mean)).toEqual(Array.from(own.mean.map((v) => v + 1)));
    expect(calls).toEqual({ forecast: 0, final: 1 });
  });

  test("in a pool, only the member with forecastOriginsThenFinal uses its final; a candidate left out makes none", () => {
    const y = weeklyPattern(150, 6);
    const request = { horizon: 7, levels: [80], seasons: [7] };
    const calls = { forecast: 0, final: 0 };
    const pooled = autoForecaster([withFinal(0, calls), shifted("up", 0.01)], {
      weightShrinkage: 1,
    }).forecastWithReport(y, request, { conformal: false });
    expect(pooled.selection.members).toEqual(["snaive-final", "up"]);
    expect(calls).toEqual({ forecast: 0, final: 1 });
    const own = seasonalNaive.forecast(y, request).mean;
    pooled.result.mean.forEach((v, h) => {
      expect(v).toBeCloseTo(own[h] + 0.005, 9);
    });
    // The same folds as the seasonal naive model before it: a repeat, so not pooled and never fitted.
    const unused = { forecast: 0, final: 0 };
    const repeat = autoForecaster([seasonalNaive, withFinal(0, unused)]).forecastWithReport(y, request);
    expect(repeat.selection.members).toEqual([seasonalNaive.name]);
    expect(unused).toEqual({ forecast: 0, final: 0 });
  });
});
