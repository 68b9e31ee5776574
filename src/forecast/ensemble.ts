import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";

/** How an ensemble combines its members, element by element. */
export type Combination = "mean" | "median";

/**
 * Combines `count` arrays element by element into `out`, by mean or median; `scratch` holds `count`
 * numbers. NaN in any member gives NaN for the mean; the median ignores NaN members.
 */
function combineInto(
  arrays: readonly Float64Array[],
  how: Combination,
  out: Float64Array,
  scratch: Float64Array,
  weights: Float64Array | null,
): Float64Array {
  const count = arrays.length;
  for (let i = 0; i < out.length; i++) {
    if (how === "mean") {
      let sum = 0;
      if (weights === null) {
        for (let m = 0; m < count; m++) sum += arrays[m][i];
        out[i] = sum / count;
      } else {
        for (let m = 0; m < count; m++) sum += weights[m] * arrays[m][i];
        out[i] = sum;
      }
      continue;
    }
    // Insertion sort of the few finite member values.
    let size = 0;
    for (let m = 0; m < count; m++) {
      const v = arrays[m][i];
      if (Number.isNaN(v)) continue;
      let p = size++;
      while (p > 0 && scratch[p - 1] > v) {
        scratch[p] = scratch[p - 1];
        p--;
      }
      scratch[p] = v;
    }
    out[i] =
      size === 0
        ? Number.NaN
        : size % 2 === 1
          ? scratch[size >> 1]
          : (scratch[size / 2 - 1] + scratch[size / 2]) / 2;
  }
  return out;
}

/**
 * A forecaster that runs every member and combines their forecasts step by step, by mean or median
 * (forecast combination: Bates & Granger 1969; the mean of a few good models won M4, Makridakis et al.
 * 2020). Interval bounds are combined the same way, bound by bound: averaging quantiles rather than
 * probabilities keeps the combined interval as sharp as its members (Lichtendahl, Grushka-Cockayne &
 * Winkler 2013). The members' own intervals are not calibrated for the combination; wrap the ensemble in
 * `conformalForecaster` (or let `autoForecaster` choose it) for calibrated ones. Has `forecastOrigins`
 * when every member has it.
 *
 * @param weights optional weights of a mean, one per member, each >= 0, summing to 1 (`autoForecaster`
 *   passes its pool's); without them the mean is plain
 *
 * @example
 * const combined = ensemble([ets, theta], "mean");
 * combined.forecast(y, { horizon: 12, levels: [80, 95], seasons: [12] }).description; // "ensemble(ETS(A,N,A), Theta)"
 */
export function ensemble(
  members: readonly Forecaster[],
  how: Combination = "mean",
  weights?: readonly number[],
): Forecaster {
  if (!Array.isArray(members) || members.length === 0)
    throw new Error("members: an ensemble needs at least one forecaster");
  if (how !== "mean" && how !== "median") throw new Error(`how: "${how}" is not "mean" or "median"`);
  const weightArray = weights === undefined ? null : checkWeights(weights, members.length, how);
  const prefix = how === "mean" ? "ensemble" : "median";
  const name = `${prefix}(${members.map((member) => member.name).join(", ")})`;
  const combined: Forecaster = {
    name,
    forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
      const results = members.map((member) => member.forecast(y, request));
      const scratch = new Float64Array(members.length);
      const combine = (pick: (result: ForecastResult) => Float64Array, length: number) =>
        combineInto(results.map(pick), how, new Float64Array(length), scratch, weightArray);
      const mean = combine((result) => result.mean, request.horizon);
      const lower = request.levels.map((_, l) => combine((result) => result.lower[l], request.horizon));
      const upper = request.levels.map((_, l) => combine((result) => result.upper[l], request.horizon));
      const fitted = combine((result) => result.fitted, y.length);
      const description = `${prefix}(${results.map((result) => result.description).join(", ")})`;
      return { mean, lower, upper, fitted, description };
    },
  };
  const originForecasts = members.map((member) => member.forecastOrigins?.bind(member));
  if (originForecasts.some((forecastOrigins) => forecastOrigins === undefined)) return combined;
  return {
    ...combined,
    forecastOrigins(
      y: Float64Array,
      origins: readonly number[],
      request: ForecastRequest,
      fits?: number,
    ): Float64Array[] {
      const perMember = originForecasts.map(
        (forecastOrigins) => forecastOrigins?.(y, origins, request, fits) ?? [],
      );
      const scratch = new Float64Array(members.length);
      return origins.map((_, k) =>
        combineInto(
          perMember.map((forecasts) => forecasts[k]),
          how,
          new Float64Array(request.horizon),
          scratch,
          weightArray,
        ),
      );
    },
  };
}

/** The weights of a weighted mean, checked: one per member, each >= 0 and finite, summing to 1. */
function checkWeights(weights: readonly number[], count: number, how: Combination): Float64Array {
  if (how !== "mean") throw new Error(`weights: only a mean ensemble takes weights, not a ${how}`);
  if (weights.length !== count) throw new Error(`weights: ${weights.length} weights for ${count} members`);
  let sum = 0;
  for (let m = 0; m < count; m++) {
    if (!(weights[m] >= 0 && Number.isFinite(weights[m])))
      throw new Error(`weights[${m}]: ${weights[m]} is not a finite number >= 0`);
    sum += weights[m];
  }
  if (!(Math.abs(sum - 1) <= 1e-9)) throw new Error(`weights: they sum to ${sum}, not 1`);
  return Float64Array.from(weights);
}
