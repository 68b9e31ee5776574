import type { EtsForm } from "./ets-form.js";
import type { ParsedEtsSpec } from "./ets-spec.js";
import type { EtsFit } from "./fit-ets.js";
import { etsPeriod } from "./seasonal-period.js";
import { candidateForms, selectEts } from "./select-ets.js";
import { simpleEtsFit } from "./simple-fit.js";

/** Below this many observations nothing is estimated: the naive forecast (see `simpleEtsFit`). */
const MIN_ESTIMABLE = 4;

/**
 * Fits the spec to y[0, n), never failing on finite input: it degrades to simpler forms where the data
 * cannot support the requested one.
 *
 * - Multiplicative components need positive data; with a value <= 0 they become additive.
 * - The season is the smallest requested period the data covers twice (`etsPeriod`); without one the
 *   model has no season.
 * - A form with as many parameters as observations less one is skipped; if every candidate is, the season
 *   is dropped, then the damping, then the trend (ETS(A,N,N) needs 4 observations).
 * - A constant series gets ETS(A,N,N) with alpha 0.9999: a flat forecast with zero-width intervals, as R's
 *   forecast::ets does; fewer than 4 observations get the naive forecast (ETS(A,N,N), alpha 0.9999, the
 *   first observation as level).
 *
 * @param y observations, finite
 * @param n fit y[0, n)
 * @param spec the parsed spec
 * @param seasons the request's seasonal periods, ascending
 * @param contenders if given, receives the forms the search refined (see `selectEts`); left empty when the
 *   series was too short or constant for the search, or every form failed
 * @example fitSeries(y, y.length, parseEtsSpec({ season: "M" }), [7]).form.period // 7, or 1 for under 14 days
 */
export function fitSeries(
  y: Float64Array,
  n: number,
  spec: ParsedEtsSpec,
  seasons: readonly number[],
  contenders?: EtsForm[],
): EtsFit {
  let constant = true;
  let positive = true;
  for (let t = 0; t < n; t++) {
    if (y[t] !== y[0]) constant = false;
    if (!(y[t] > 0)) positive = false;
  }
  if (constant || n < MIN_ESTIMABLE) return simpleEtsFit(y, n, 0.9999);
  const period = etsPeriod(seasons, n);
  const { space, fixed } = spec;
  const additive = <T extends string>(options: readonly T[], fallback: T): T[] => {
    const kept = positive ? [...options] : options.filter((option) => option !== "M");
    if (kept.length === 0) kept.push(fallback);
    return [...new Set(kept)];
  };
  const errors = additive(space.errors, "A");
  const trends = additive(space.trends, "A");
  const seasonOptions = period < 2 ? ["N" as const] : additive(space.seasons, "A");
  const search = { errors, trends, damping: space.damping, seasons: seasonOptions };
  const found: EtsForm[] = [];
  const chosen = selectEts(y, candidateForms(search, period, positive), fixed, n, found);
  if (chosen !== null) {
    contenders?.push(...found);
    return chosen;
  }
  // Too little data for every candidate: drop the season, then the damping, then the trend.
  const simpler: EtsForm[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const damped of space.damping)
        if (trend !== "N") simpler.push({ error, trend, damped, season: "N", period: 1 });
      if (trend !== "N") simpler.push({ error, trend, damped: false, season: "N", period: 1 });
    }
    simpler.push({ error, trend: "N", damped: false, season: "N", period: 1 });
  }
  for (const form of simpler) {
    const fit = selectEts(y, [form], fixed, n);
    if (fit !== null) return fit;
  }
  return simpleEtsFit(y, n, 0.9999);
}
