import { assertSeries } from "../baselines/validate-input.js";
import { stlInto } from "./stl.js";
import { type StlParameters, stlParameters } from "./stl-options.js";
import { createStlWorkspace } from "./stl-workspace.js";

/** How MSTL decomposes. */
export interface MstlOptions {
  /**
   * Seasonal windows of the STL passes, one per kept period in ascending order, or one for all; default
   * 7 + 4 i for the i-th period (11, 15, 19, ...), as Bandara et al. and R's mstl().
   */
  readonly seasonalWindows?: number | readonly number[];
  /** Rounds over the periods (default 2); one period needs, and gets, a single round. */
  readonly iterations?: number;
  /** Robust STL passes (default false). */
  readonly robust?: boolean;
}

/** y = trend + seasonals[0] + ... + remainder. */
export interface MstlDecomposition {
  /** The periods decomposed: the supported ones, ascending. */
  readonly periods: readonly number[];
  readonly trend: Float64Array;
  /** One seasonal component per period, in the order of `periods`. */
  readonly seasonals: readonly Float64Array[];
  readonly remainder: Float64Array;
}

/**
 * The distinct periods of `periods` that a series of `length` points supports, ascending: integers >= 2
 * spanning fewer than half the series, since STL needs more than two full periods (R's mstl() drops the
 * others likewise).
 *
 * @example supportedPeriods([168, 24, 24, 1], 300) // [24]
 */
export function supportedPeriods(periods: readonly number[], length: number): number[] {
  const kept = periods.filter((period) => Number.isInteger(period) && period >= 2 && 2 * period < length);
  return [...new Set(kept)].sort((a, b) => a - b);
}

/**
 * Throws unless the options are well formed: iterations an integer >= 1, seasonal windows integers >= 3.
 * @example assertMstlOptions({ seasonalWindows: [11, 15] }) // passes
 */
export function assertMstlOptions(options: MstlOptions): void {
  const { iterations, seasonalWindows } = options;
  if (iterations !== undefined && (!Number.isInteger(iterations) || iterations < 1)) {
    throw new RangeError(`iterations must be an integer >= 1, got ${iterations}`);
  }
  const windows = typeof seasonalWindows === "number" ? [seasonalWindows] : (seasonalWindows ?? []);
  for (const window of windows) {
    if (!Number.isInteger(window) || window < 3) {
      throw new RangeError(`seasonalWindows must be integers >= 3, got ${window}`);
    }
  }
}

function seasonalWindowOf(options: MstlOptions, index: number): number {
  const { seasonalWindows } = options;
  if (seasonalWindows === undefined) return 7 + 4 * (index + 1);
  if (typeof seasonalWindows === "number") return seasonalWindows;
  const window = seasonalWindows[index];
  if (window === undefined) {
    throw new RangeError(
      `seasonalWindows has ${seasonalWindows.length} windows, too few for period ${index + 1}`,
    );
  }
  return window;
}

/**
 * Multiple seasonal-trend decomposition by loess (Bandara, Hyndman & Bergmeir 2021, "MSTL: A
 * Seasonal-Trend Decomposition Algorithm for Time Series with Multiple Seasonal Patterns", algorithm 1):
 * STL extracts one seasonal component per period, shortest first, each from the series less the other
 * components, and the round is repeated so that each component is re-estimated once the others are
 * known. The trend is the last STL pass's. Periods the series cannot support are dropped; with none left
 * nothing is seasonal, the trend is the series and the remainder zero. One workspace serves every pass.
 *
 * @param periods seasonal periods in steps, e.g. [24, 168]
 * @example
 * mstlDecompose(hourly, [24, 168]).seasonals // [daily, weekly]
 */
export function mstlDecompose(
  y: Float64Array,
  periods: readonly number[],
  options: MstlOptions = {},
): MstlDecomposition {
  assertSeries(y);
  assertMstlOptions(options);
  const { iterations = 2, robust = false } = options;
  const n = y.length;
  const kept = supportedPeriods(periods, n);
  const parameters: StlParameters[] = kept.map((period, i) =>
    stlParameters({ period, seasonalWindow: seasonalWindowOf(options, i), robust }, n),
  );
  const seasonals = kept.map(() => new Float64Array(n));
  const trend = new Float64Array(n);
  const deseasonalised = Float64Array.from(y);
  if (kept.length > 0) {
    const workspace = createStlWorkspace(n, kept[kept.length - 1], kept[0]);
    const rounds = kept.length === 1 ? 1 : iterations;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < kept.length; i++) {
        const seasonal = seasonals[i];
        // Put this component back, re-estimate it from the series less the others, take it out again.
        for (let t = 0; t < n; t++) deseasonalised[t] += seasonal[t];
        stlInto(deseasonalised, n, parameters[i], workspace, seasonal, trend);
        for (let t = 0; t < n; t++) deseasonalised[t] -= seasonal[t];
      }
    }
  } else {
    trend.set(y);
  }
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) remainder[t] = deseasonalised[t] - trend[t];
  return { periods: kept, trend, seasonals, remainder };
}
