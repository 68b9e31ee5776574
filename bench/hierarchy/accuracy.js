// The accuracy backtest of bench:hierarchy on demo data: for several forecast origins, a run as of the origin
// (runForecast with asOf, published with force), then the run's daily (and hourly) matched mean and 80% band
// from the summed sample paths (pathQuantiles) against the opportunities the full store's cube holds for those
// days (late rows included): WAPE of the mean and the share of (series, day) inside [P10, P90], pooled over
// origins, for the total, each geo, each geo×device and seeded random multi-value targetings.
import { Random } from "../../dist/forecast/random.js";
import { pathQuantiles } from "../../dist/forecast/reconcile/path-quantiles.js";
import { runForecast } from "../../dist/run/forecast-run.js";
import { readPublishedForecast } from "../../dist/run/published-forecast.js";

const HOUR = 3_600_000;
export const LEVEL_NAMES = ["total", "geo", "geo×device", "random targetings"];

/** The leaves' actual hourly opportunities over [start, start + hours) from the cube: Float64Array per key. */
async function actualLeaves(store, level, start, hours) {
  const slice = await store.cube({ level, measure: "opportunities", start, end: start + hours * HOUR });
  const byKey = new Map();
  for (let i = 0; i < slice.value.length; i++) {
    const key = slice.keys[slice.keyIndex[i]];
    let row = byKey.get(key);
    if (row === undefined) {
      row = new Float64Array(hours);
      byKey.set(key, row);
    }
    row[(slice.hour[i] - start) / HOUR] += slice.value[i];
  }
  return byKey;
}

/** The series scored at every level: [level, name, leaf indices]. */
function scoredSets(leafKeys, targetingCount, seed) {
  const geos = [...new Set(leafKeys.map((k) => k.split("|")[0]))].sort();
  const devices = [...new Set(leafKeys.map((k) => k.split("|")[1]))].sort();
  const leavesWhere = (f) => leafKeys.flatMap((k, l) => (f(k) ? [l] : []));
  const sets = [["total", "total", leafKeys.map((_, l) => l)]];
  for (const g of geos) sets.push(["geo", g, leavesWhere((k) => k.startsWith(`${g}|`))]);
  leafKeys.forEach((k, l) => {
    sets.push(["geo×device", k, [l]]);
  });
  const random = new Random(seed);
  const pick = (list, count) => {
    const pool = [...list];
    const out = [];
    for (let i = 0; i < count; i++) out.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]);
    return out;
  };
  for (let i = 0; i < targetingCount; i++) {
    const g = pick(geos, 2 + Math.floor(random.next() * 3));
    const d = pick(devices, 1 + Math.floor(random.next() * 3));
    const leaves = leavesWhere((k) => g.includes(k.split("|")[0]) && d.includes(k.split("|")[1]));
    sets.push(["random targetings", `${g.join(",")} × ${d.join(",")}`, leaves]);
  }
  return sets;
}

/** Accumulates |error|, actuals, inside-band counts and the side of the misses per level. */
function newScore() {
  return {
    absError: 0,
    actual: 0,
    forecast: 0,
    inside: 0,
    below: 0,
    above: 0,
    count: 0,
    width: 0,
    hInside: 0,
    hCount: 0,
    // |actual - P50| / half the band, per (series, day): its 0.8 quantile is the widening 80% coverage needs.
    z: [],
    // Σ (daily sum of hourly errors)² and Σ (hourly error)²: realized, and in the pool the paths draw from.
    dayError2: 0,
    hourError2: 0,
    poolDay2: 0,
    poolHour2: 0,
  };
}

function add(score, actual, mean, p10, p50, p90) {
  score.z.push(Math.abs(actual - p50) / ((p90 - p10) / 2));
  score.absError += Math.abs(actual - mean);
  score.actual += actual;
  score.forecast += mean;
  score.width += p90 - p10;
  score.count++;
  if (actual < p10) score.below++;
  else if (actual > p90) score.above++;
  else score.inside++;
}

/**
 * Whether errors add up over a day as the paths say: the realized hourly errors of the set's mean (actual −
 * mean) summed by day and squared, against their hourly squares; and the same ratio for the pool rows the
 * paths draw (consecutive rows summed by 24; growth scales both alike). A realized ratio above the pool's
 * means errors persist within a day more than one-step residuals do, so daily bands come out too narrow.
 */
function varianceRatios(score, forecast, leaves, actualOf, horizon) {
  const { mean, errors, poolLength: R, horizon: H } = forecast.paths;
  const hourError = new Float64Array(horizon);
  for (const l of leaves) for (let t = 0; t < horizon; t++) hourError[t] += actualOf[l][t] - mean[l * H + t];
  for (let d = 0; d + 24 <= horizon; d += 24) {
    let day = 0;
    for (let t = d; t < d + 24; t++) {
      day += hourError[t];
      score.hourError2 += hourError[t] ** 2;
    }
    score.dayError2 += day ** 2;
  }
  const pool = new Float64Array(R);
  for (const l of leaves) for (let r = 0; r < R; r++) pool[r] += errors[l * R + r];
  for (let r0 = 0; r0 + 24 <= R; r0 += 24) {
    let day = 0;
    for (let r = r0; r < r0 + 24; r++) {
      day += pool[r];
      score.poolHour2 += pool[r] ** 2;
    }
    score.poolDay2 += day ** 2;
  }
}

/**
 * Backtests each method at each origin and returns `{ method: { level: score } }`, pooled over origins.
 *
 * @example const scores = await accuracyBench(store, config, { end, origins: [42, 28, 14], methods: ["mint-shrink"] });
 */
export async function accuracyBench(
  store,
  config,
  { end, origins, horizon, methods, targetings, seed, paths, hourly, model },
) {
  const leafLevel = config.levels
    .filter((l) => !l.dimensions.includes("campaign"))
    .reduce((a, b) => (b.dimensions.length > a.dimensions.length ? b : a)).name;
  const scores = {};
  for (const method of methods) {
    scores[method] = Object.fromEntries(LEVEL_NAMES.map((n) => [n, newScore()]));
    scores[method].runs = [];
  }
  for (const daysBack of origins) {
    const asOf = Date.parse(`${end}T00:00:00Z`) - daysBack * 24 * HOUR;
    const truth = await actualLeaves(store, leafLevel, asOf, horizon);
    for (const method of methods) {
      process.stderr.write(`accuracy: ${method} as of ${new Date(asOf).toISOString().slice(0, 10)}\n`);
      const started = performance.now();
      const result = await runForecast(store, config, {
        asOf,
        horizon,
        method,
        seed,
        paths,
        model,
        force: true,
      });
      const seconds = (performance.now() - started) / 1000;
      if (!result.published)
        throw new Error(`run ${result.runId} was not published: ${result.refused.join("; ")}`);
      const forecast = await readPublishedForecast(store);
      if (forecast.manifest.start !== asOf)
        throw new Error(`run ${result.runId} starts at ${forecast.manifest.start}, not ${asOf}`);
      scores[method].runs.push({ asOf, seconds, runId: result.runId });
      const leafKeys = forecast.manifest.leafKeys;
      const actualOf = leafKeys.map((k) => truth.get(k) ?? new Float64Array(horizon));
      for (const [level, , leaves] of scoredSets(leafKeys, targetings, seed)) {
        const score = scores[method][level];
        const q = pathQuantiles(forecast.paths, leaves, 0, horizon, "day", [0.1, 0.5, 0.9]);
        q.intervals.forEach((interval) => {
          let actual = 0;
          for (const l of leaves)
            for (let t = interval.start; t < interval.end; t++) actual += actualOf[l][t];
          add(score, actual, interval.mean, ...interval.quantiles);
        });
        varianceRatios(score, forecast, leaves, actualOf, horizon);
        if (hourly) {
          const h = pathQuantiles(forecast.paths, leaves, 0, horizon, "hour", [0.1, 0.9]);
          h.intervals.forEach((interval) => {
            let actual = 0;
            for (const l of leaves) actual += actualOf[l][interval.start];
            score.hCount++;
            if (actual >= interval.quantiles[0] && actual <= interval.quantiles[1]) score.hInside++;
          });
        }
      }
    }
  }
  return scores;
}

function quantile(values, p) {
  const sorted = Float64Array.from(values).sort();
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/**
 * The markdown table of the scores.
 *
 * @example console.log(accuracyTable(scores).join("\n"));
 */
export function accuracyTable(scores, hourly) {
  const lines = [
    `| method | level | series × days | WAPE | bias (Σ forecast / Σ actual − 1) | 80% coverage, daily | below P10 | above P90 | mean band width / actual |${hourly ? " 80% coverage, hourly |" : ""} widening for 80% | day/hour variance ratio, realized | the same, pool |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${hourly ? " ---: |" : ""} ---: | ---: | ---: |`,
  ];
  for (const [method, byLevel] of Object.entries(scores)) {
    for (const level of LEVEL_NAMES) {
      const s = byLevel[level];
      lines.push(
        `| ${method} | ${level} | ${s.count} | ${(s.absError / s.actual).toFixed(3)} | ${(s.forecast / s.actual - 1).toFixed(3)} | ` +
          `${(s.inside / s.count).toFixed(3)} | ${(s.below / s.count).toFixed(3)} | ${(s.above / s.count).toFixed(3)} | ${(s.width / s.actual).toFixed(3)} |` +
          (hourly ? ` ${(s.hInside / s.hCount).toFixed(3)} |` : "") +
          ` ${quantile(s.z, 0.8).toFixed(2)} | ${(s.dayError2 / s.hourError2).toFixed(2)} | ${(s.poolDay2 / s.poolHour2).toFixed(2)} |`,
      );
    }
  }
  return lines;
}
