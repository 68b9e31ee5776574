import type { Config } from "../config/schema.js";
import { pathQuantiles } from "../forecast/reconcile/path-quantiles.js";
import { quantilesInPlace } from "../forecast/reconcile/quantiles-in-place.js";
import type { SamplePaths } from "../forecast/reconcile/sample-paths.js";
import { localDate } from "../series/zoned-time.js";
import type { Campaign } from "../store/campaign.js";
import { normalizeTargeting } from "../store/validate-campaign.js";
import { allocate } from "./allocate.js";
import { allocationCampaigns } from "./allocation-campaigns.js";
import { type AvailsIndex, indexAvails } from "./avails-index.js";
import {
  breakdownLeaves,
  type LeafSet,
  parseLeafSet,
  targetedLeaves,
  unknownTargetingValues,
} from "./leaf-set.js";
import { pathAvails } from "./path-avails.js";
import { dayBuckets, GRANULARITIES, type Granularity, type HourGrid, periodBounds } from "./period-bounds.js";
import { type AvailsFigures, queryAvails } from "./query-avails.js";

/**
 * The mean and quantiles of one figure over the sample paths: always P10, P50 and P90, plus any quantile the
 * request asks for, keyed by `quantileKey` (`p20`).
 */
export interface Distribution {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  [quantile: `p${number}`]: number;
}

/** Matched, booked, available and possible, each as a distribution. */
export interface AvailsDistributions {
  matched: Distribution;
  booked: Distribution;
  available: Distribution;
  possible: Distribution;
}

/** The answer of an avails query, as `avails query --json` prints it. */
export interface AvailsReport {
  start: string;
  end: string;
  granularity: Granularity;
  targeting: Record<string, string[]>;
  priority: Priority;
  intervals: ({ start: string; end: string } & AvailsDistributions)[];
  total: AvailsDistributions;
  contending: { campaign_id: string; priority: Priority; impressions: number }[];
  breakdown?: ({ dimension: string; value: string } & AvailsDistributions)[];
  /**
   * The conservative quantile avails are sold from (the config's `safetyQuantile`), and its key in every
   * distribution: sell `available[key]`, not the mean, to keep a safety buffer.
   */
  safety?: { quantile: number; key: `p${number}` };
  run_id: string;
}

/** Priority of a campaign or of a prospective booking. */
export type Priority = "guaranteed" | "standard" | "house";
const PRIORITIES: readonly Priority[] = ["guaranteed", "standard", "house"];

/** A forecast run's supply with the booked campaigns allocated on it: built once, queried many times. */
export interface AvailsContext {
  readonly runId: string;
  readonly paths: SamplePaths;
  readonly leafSet: LeafSet;
  readonly grid: HourGrid;
  readonly index: AvailsIndex;
  readonly timeZone: string;
  readonly config: Config;
}

/** What a planner asks. */
export interface AvailsRequest {
  /** First and last day (YYYY-MM-DD, inclusive, reporting time zone). */
  start: string;
  end: string;
  granularity?: Granularity;
  /** Dimension → allowed values; absent dimensions are not targeted. */
  targeting?: Record<string, readonly string[]>;
  /** The prospective booking's priority, which sets what `possible` keeps; default guaranteed. */
  priority?: Priority;
  /** Add the period's figures by each targeted dimension value. */
  breakdown?: boolean;
  /**
   * Quantile levels (probabilities in (0, 1)) to add to every distribution beside P10 / P50 / P90, keyed by
   * `quantileKey`: `[0.2]` adds `p20`, what the booking guard books against.
   */
  quantiles?: readonly number[];
  /** A conservative quantile to sell from (e.g. 0.2): added to every distribution and named in `safety`. */
  safetyQuantile?: number | null;
}

/** Options of an avails context. */
export interface AvailsContextOptions {
  /**
   * The time zone whose days requests name and contention is kept by (day buckets); default the config's
   * reporting time zone. The booking guard asks in the campaign's flight time zone.
   */
  timeZone?: string;
}

/**
 * Allocates the booked campaigns on a forecast run's mean supply (high-water mark, by priority then
 * specificity) and indexes it for queries.
 *
 * @param paths the run's sample paths (their means are the leaves' supply)
 * @param leafKeys the leaves of the paths, in order
 * @example
 * const context = availsContext(forecast.runId, forecast.paths, forecast.manifest.leafKeys, forecast.manifest.start, campaigns, config);
 */
export function availsContext(
  runId: string,
  paths: SamplePaths,
  leafKeys: readonly string[],
  start: number,
  campaigns: readonly Campaign[],
  config: Config,
  options: AvailsContextOptions = {},
): AvailsContext {
  const timeZone = options.timeZone ?? config.timeZone;
  const leafSet = parseLeafSet(leafKeys);
  const grid = { start, hours: paths.horizon };
  const supply = paths.mean;
  const allocation = allocate({
    supply,
    leafCount: leafKeys.length,
    hours: paths.horizon,
    campaigns: allocationCampaigns(campaigns, leafSet, grid, config.timeZone),
    buckets: dayBuckets(grid, timeZone),
  });
  return {
    runId,
    paths,
    leafSet,
    grid,
    index: indexAvails(supply, allocation),
    timeZone,
    config,
  };
}

/**
 * Answers an avails query as Google Ad Manager's availability forecast does, with distributions: for each
 * interval and the period, matched (the targeting's forecast supply), booked (what booked campaigns take of
 * it), available (matched minus booked) and possible (matched minus what higher-priority campaigns take), each
 * with its mean and P10 / P50 / P90 over the run's sample paths (matched from the summed paths, the others
 * along each path by `pathAvails`), the contending campaigns, and on request the breakdown by each targeted
 * dimension value, and any extra quantile levels asked for. Errors name the request field that is wrong.
 *
 * @example
 * answerAvails(context, { start: "2026-12-01", end: "2026-12-14", targeting: { geo: ["SE", "NO"] } }).total.available.p50
 */
export function answerAvails(context: AvailsContext, request: AvailsRequest): AvailsReport {
  const granularity = request.granularity ?? "day";
  if (!GRANULARITIES.includes(granularity)) {
    throw new Error(`granularity: "${granularity}" is not one of ${GRANULARITIES.join(", ")}`);
  }
  const priority = request.priority ?? "guaranteed";
  const priorityClass = PRIORITIES.indexOf(priority);
  if (priorityClass < 0) throw new Error(`priority: "${priority}" is not one of ${PRIORITIES.join(", ")}`);
  const targeting = normalizeTargeting(request.targeting ?? {}, context.config);
  const unknown = unknownTargetingValues(context.leafSet, targeting);
  if (unknown.length > 0) {
    throw new Error(`targeting: ${unknown.join(", ")} not in the forecast (no such inventory in the store)`);
  }
  const probs = [...PROBS];
  const safety = request.safetyQuantile ?? null;
  if (safety !== null && !(safety > 0 && safety < 1)) {
    throw new Error(`safetyQuantile: ${safety} is not a probability within (0, 1)`);
  }
  for (const q of [...(request.quantiles ?? []), ...(safety === null ? [] : [safety])]) {
    if (!(q > 0 && q < 1)) throw new Error(`quantiles: ${q} is not a probability within (0, 1)`);
    if (!probs.includes(q)) probs.push(q);
  }
  const keys = probs.map(quantileKey);
  const leaves = targetedLeaves(context.leafSet, targeting);
  if (leaves.length === 0)
    throw new Error("targeting: no inventory matches every targeted dimension at once");
  const bounds = periodBounds(context.grid, request.start, request.end, granularity, context.timeZone);
  const k = bounds.length - 1;
  const figures = queryAvails(context.index, {
    leaves,
    bounds,
    priority: priorityClass,
    breakdown: request.breakdown ? breakdownLeaves(context.leafSet, targeting) : undefined,
  });
  const P = context.paths.paths;
  const sums = new Float64Array((k + 1) * P);
  const matched = pathQuantiles(
    context.paths,
    leaves,
    bounds[0],
    bounds[k],
    bounds.subarray(0, k),
    PROBS,
    sums,
  );
  const distributions = (i: number, mean: number, figure: AvailsFigures): AvailsDistributions =>
    distributionsOf(sums.subarray(i * P, (i + 1) * P), mean, figure, probs, keys);
  const hourLabel = (hour: number) => new Date(context.grid.start + hour * 3_600_000).toISOString();
  const dayLabel = (hour: number) => localDate(context.grid.start + hour * 3_600_000, context.timeZone);
  const intervals = figures.intervals.map((interval, i) => ({
    start: granularity === "hour" ? hourLabel(bounds[i]) : dayLabel(bounds[i]),
    end: granularity === "hour" ? hourLabel(bounds[i + 1]) : dayLabel(bounds[i + 1] - 1),
    ...distributions(i, matched.intervals[i].mean, interval),
  }));
  const report: AvailsReport = {
    start: request.start,
    end: request.end,
    granularity,
    targeting: Object.fromEntries(Object.entries(targeting).map(([d, v]) => [d, [...v]])),
    priority,
    intervals,
    total: distributions(k, matched.total.mean, figures.total),
    contending: figures.contending.map((c) => ({
      campaign_id: c.id,
      priority: PRIORITIES[c.priority] ?? "house",
      impressions: c.impressions,
    })),
    run_id: context.runId,
  };
  if (safety !== null) report.safety = { quantile: safety, key: quantileKey(safety) };
  if (request.breakdown) {
    const parts = breakdownLeaves(context.leafSet, targeting);
    const partSums = new Float64Array(2 * P);
    report.breakdown = parts.map((part, j) => {
      const q = pathQuantiles(context.paths, part.leaves, bounds[0], bounds[k], [bounds[0]], PROBS, partSums);
      return {
        dimension: part.dimension,
        value: part.value,
        ...distributionsOf(partSums.subarray(0, P), q.total.mean, figures.breakdown[j], probs, keys),
      };
    });
  }
  return report;
}

const PROBS = [0.1, 0.5, 0.9];

/**
 * The key of a quantile level in a distribution: `p` and the percentage, `p20` for 0.2, `p2.5` for 0.025.
 *
 * @example
 * quantileKey(0.2); // "p20"
 */
export function quantileKey(probability: number): `p${number}` {
  return `p${Number((probability * 100).toFixed(6))}`;
}

/** The four figures' distributions from one interval's matched path sums and its mean allocation. */
function distributionsOf(
  matchedPaths: Float64Array,
  matchedMean: number,
  figure: AvailsFigures,
  probs: readonly number[],
  keys: readonly `p${number}`[],
): AvailsDistributions {
  const distribution = (mean: number, values: Float64Array): Distribution => {
    // Type 7 quantiles, on a copy: selection reorders its input.
    const q = quantilesInPlace(Float64Array.from(values), probs);
    const out = { mean } as Distribution;
    for (let i = 0; i < keys.length; i++) out[keys[i]] = q[i];
    return out;
  };
  const matched = distribution(matchedMean, matchedPaths);
  // Nothing booked on these leaves and hours: available and possible are matched, path by path.
  if (figure.booked === 0) {
    const none = { mean: 0 } as Distribution;
    for (const key of keys) none[key] = 0;
    return {
      matched,
      booked: none,
      available: { ...matched, mean: figure.available },
      possible: { ...matched, mean: figure.possible },
    };
  }
  // The allocation was made on the reconciled means: its figures are the means, the paths give the spread.
  const allocated = Math.min(figure.booked, figure.matched);
  const higher = Math.min(figure.higher, allocated);
  const along = pathAvails(matchedPaths, allocated, higher);
  return {
    matched,
    booked: distribution(figure.booked, along.booked),
    available: distribution(figure.available, along.available),
    possible: distribution(figure.possible, along.possible),
  };
}
