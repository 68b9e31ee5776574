import { Random } from "../../random.js";
import type { EtsFit } from "./fit-ets.js";
import { sampleQuantile } from "./sample-quantile.js";

// Below this a divisor counts as zero, as in the filter.
const TINY = 1e-10;
const HUGE = 1e10;

/** How many sample paths, and the seed that makes them reproducible. */
export interface SimulationSettings {
  readonly paths?: number;
  readonly seed?: number;
}

/**
 * Prediction intervals by simulation, for the forms without exact variances (multiplicative trend or
 * season): sample paths of the fitted model from its last state with normal innovations of variance sigma^2
 * (relative ones cut at -1 so that the series stays non-negative, as R does), and per step the quantiles of
 * the paths by Hyndman & Fan's definition 8 (Hyndman et al. 2008, section 6.1).
 *
 * @param fit the fitted model
 * @param horizon steps ahead
 * @param levels coverage levels in percent
 * @param settings number of paths (default 2000) and seed (default 1)
 * @returns lower and upper bounds per level
 * @example simulateEtsIntervals(fit, 12, [80, 95]).upper[1]
 */
export function simulateEtsIntervals(
  fit: EtsFit,
  horizon: number,
  levels: readonly number[],
  settings: SimulationSettings = {},
): { lower: Float64Array[]; upper: Float64Array[] } {
  const paths = settings.paths ?? 2000;
  const random = new Random(settings.seed ?? 1);
  const { form, alpha, beta, gamma, phi } = fit;
  const m = form.season === "N" ? 1 : form.period;
  const sigma = Math.sqrt(fit.sigma2);
  const betaStar = beta === 0 ? 0 : beta / alpha;
  const samples = new Float64Array(paths * horizon);
  const ring = new Float64Array(m);
  const trendA = form.trend === "A";
  const trendM = form.trend === "M";
  const seasonA = form.season === "A";
  const seasonM = form.season === "M";
  const multiplicativeError = form.error === "M";
  for (let path = 0; path < paths; path++) {
    let level = fit.finalState[0];
    let slope = fit.finalState[1];
    for (let j = 0; j < m; j++) ring[j] = form.season === "N" ? 0 : fit.finalState[2 + j];
    let k = 0;
    for (let h = 0; h < horizon; h++) {
      // One step of the state space model (Hyndman et al. 2008, Table 2.1), in the filter's smoothing form.
      let damped = 0;
      let base = level;
      if (trendA) {
        damped = phi * slope;
        base = level + damped;
      } else if (trendM) {
        damped = phi === 1 ? slope : slope ** phi;
        base = level * damped;
      }
      const seasonal = ring[k];
      const mean = seasonA ? base + seasonal : seasonM ? base * seasonal : base;
      const shock = sigma * random.normal();
      const value = multiplicativeError ? mean * (1 + Math.max(shock, -1)) : mean + shock;
      samples[h * paths + path] = value;
      let deseasonalised = value;
      if (seasonA) deseasonalised = value - seasonal;
      else if (seasonM) deseasonalised = Math.abs(seasonal) < TINY ? HUGE : value / seasonal;
      const nextLevel = base + alpha * (deseasonalised - base);
      if (trendA) slope = damped + betaStar * (nextLevel - level - damped);
      else if (trendM)
        slope = damped + betaStar * ((Math.abs(level) < TINY ? HUGE : nextLevel / level) - damped);
      if (seasonA) ring[k] = seasonal + gamma * (value - base - seasonal);
      else if (seasonM)
        ring[k] = seasonal + gamma * ((Math.abs(base) < TINY ? HUGE : value / base) - seasonal);
      level = nextLevel;
      if (++k === m) k = 0;
    }
  }
  const lower = levels.map(() => new Float64Array(horizon));
  const upper = levels.map(() => new Float64Array(horizon));
  for (let h = 0; h < horizon; h++) {
    const column = samples.subarray(h * paths, (h + 1) * paths);
    column.sort();
    for (let i = 0; i < levels.length; i++) {
      const tail = (100 - levels[i]) / 200;
      lower[i][h] = sampleQuantile(column, tail);
      upper[i][h] = sampleQuantile(column, 1 - tail);
    }
  }
  return { lower, upper };
}
