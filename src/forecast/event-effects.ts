import { eventFreeBaseline } from "./event-baseline.js";

/** How event effects are learned; every field has a default. */
export interface EventEffectOptions {
  /**
   * Steps between the comparison points of the baseline (a week: 7 for daily data, 168 for hourly); default
   * the longest season of the request of at most 168 steps, 1 without one.
   */
  readonly period?: number;
  /** Periods on each side the baseline looks at; default 4 (doubled where fewer than two are clean). */
  readonly window?: number;
  /**
   * Prior standard deviation of a log effect, the scale shrinkage works against; default 0.35 (an effect
   * between x0.5 and x2 is plausible a priori).
   */
  readonly priorScale?: number;
}

/** Learned effects, one per regressor column. */
export interface EventEffects {
  /** Multiplicative effect of each column (1: none, or nothing to learn from). */
  readonly effects: Float64Array;
  /** Occurrences (runs of active points) each effect was learned from. */
  readonly occurrences: Int32Array;
}

/** Limit of a log effect: an event multiplies traffic by e^-3 .. e^3 at most. */
const MAX_LOG_EFFECT = 3;
const SWEEPS = 25;

/**
 * Learns the multiplicative effect of each 0/1 regressor column (a calendar event) on a positive series.
 *
 * Method. Each point gets an event-free baseline: the median of the clean observations (no column active)
 * at the same phase of `period` in the `window` periods on each side (eventFreeBaseline). An occurrence of a
 * column (a run of consecutive active points: one day, or a day's hours) gives the log ratio of its
 * observations to its baseline, l = log(sum y / sum baseline), the observations first divided by the
 * effects of the other columns active there (backfitting, repeated until the effects settle). The effect
 * is exp(w * mean l), a normal-prior posterior mean that shrinks towards 1 (no effect) with weight
 * w = tau^2 / (tau^2 + v): tau is `priorScale`, v the variance of mean l, that is max(s^2, sample variance of
 * the l) / occurrences, where s^2 is the mean square of the same log ratio over "placebo" runs, the clean
 * runs one to `window` periods before and after each occurrence (the noise an occurrence's ratio has
 * without any effect, autocorrelation included). So an event seen once in noisy data moves the forecast
 * little, and one seen every year with a steady effect moves it fully (empirical Bayes shrinkage as in
 * Efron & Morris, 1975, "Data analysis using Stein's estimator and its generalizations", JASA 70).
 *
 * Series with a negative value get no effects (all 1): a multiplicative effect is undefined there.
 *
 * @param xreg columns of at least y.length values; only the first y.length (the history) are read
 * @example
 * eventEffects(y, [christmas], { period: 7 }).effects[0]; // ~0.6 when Christmas traffic is 60% of normal
 */
export function eventEffects(
  y: Float64Array,
  xreg: readonly Float64Array[],
  options: EventEffectOptions = {},
): EventEffects {
  const n = y.length;
  const k = xreg.length;
  const period = options.period ?? 1;
  const window = options.window ?? 4;
  const tau = options.priorScale ?? 0.35;
  if (!Number.isInteger(period) || period < 1) throw new Error(`period: ${period} is not an integer >= 1`);
  if (!Number.isInteger(window) || window < 1) throw new Error(`window: ${window} is not an integer >= 1`);
  if (!(tau > 0 && Number.isFinite(tau))) throw new Error(`priorScale: ${tau} is not a positive number`);
  const effects = new Float64Array(k).fill(1);
  const occurrences = new Int32Array(k);
  if (k === 0 || n === 0 || y.some((v) => v < 0)) return { effects, occurrences };

  const clean = new Uint8Array(n).fill(1);
  for (const column of xreg) for (let t = 0; t < n; t++) if (column[t] !== 0) clean[t] = 0;
  const baseline = eventFreeBaseline(y, clean, period, window);

  // Runs of active points per column, as [start, end) pairs.
  const runs: Int32Array[] = xreg.map((column) => activeRuns(column, n));
  const noise = new Float64Array(k);
  let pooledSquares = 0;
  let pooledCount = 0;
  const placeboCounts = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    let squares = 0;
    let count = 0;
    const r = runs[i];
    for (let o = 0; o < r.length; o += 2) {
      const length = r[o + 1] - r[o];
      for (let j = -window; j <= window; j++) {
        if (j === 0) continue;
        const start = r[o] + j * period;
        if (start < 0 || start + length > n) continue;
        const l = placeboLogRatio(y, baseline, clean, start, start + length);
        if (Number.isNaN(l)) continue;
        squares += l * l;
        count++;
      }
    }
    noise[i] = count > 0 ? squares / count : Number.NaN;
    placeboCounts[i] = count;
    pooledSquares += squares;
    pooledCount += count;
  }
  const pooled = pooledCount > 0 ? pooledSquares / pooledCount : pointNoise(y, baseline, clean);
  for (let i = 0; i < k; i++) if (placeboCounts[i] < 3) noise[i] = pooled;

  // Backfitting: logAdjust[t] holds sum_j x_j[t] * log effect_j.
  const logEffects = new Float64Array(k);
  const logAdjust = new Float64Array(n);
  const ratios = new Float64Array(Math.max(1, ...runs.map((r) => r.length / 2)));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let change = 0;
    for (let i = 0; i < k; i++) {
      const column = xreg[i];
      const r = runs[i];
      const own = logEffects[i];
      let m = 0;
      for (let o = 0; o < r.length; o += 2) {
        let sumY = 0;
        let sumB = 0;
        for (let t = r[o]; t < r[o + 1]; t++) {
          if (Number.isNaN(baseline[t])) continue;
          sumY += y[t] * Math.exp(column[t] * own - logAdjust[t]);
          sumB += baseline[t];
        }
        if (sumY > 0 && sumB > 0) ratios[m++] = Math.log(sumY / sumB);
      }
      occurrences[i] = m;
      let updated = 0;
      if (m > 0) {
        let mean = 0;
        for (let o = 0; o < m; o++) mean += ratios[o];
        mean /= m;
        let spread = 0;
        for (let o = 0; o < m; o++) spread += (ratios[o] - mean) ** 2;
        const sampleVariance = m >= 2 ? spread / (m - 1) : 0;
        const variance = Math.max(noise[i], sampleVariance) / m;
        const weight = (tau * tau) / (tau * tau + variance);
        updated = Math.max(-MAX_LOG_EFFECT, Math.min(MAX_LOG_EFFECT, weight * mean));
      }
      if (updated !== own) {
        for (let o = 0; o < r.length; o += 2) {
          for (let t = r[o]; t < r[o + 1]; t++) logAdjust[t] += column[t] * (updated - own);
        }
        change = Math.max(change, Math.abs(updated - own));
        logEffects[i] = updated;
      }
    }
    if (change < 1e-10) break;
  }
  for (let i = 0; i < k; i++) effects[i] = Math.exp(logEffects[i]);
  return { effects, occurrences };
}

/** [start, end) of each run of nonzero values of column[0, n), flattened. */
function activeRuns(column: Float64Array, n: number): Int32Array {
  const bounds: number[] = [];
  for (let t = 0; t < n; t++) {
    if (column[t] !== 0 && (t === 0 || column[t - 1] === 0)) bounds.push(t);
    if (column[t] !== 0 && (t === n - 1 || column[t + 1] === 0)) bounds.push(t + 1);
  }
  return Int32Array.from(bounds);
}

/** log(sum y / sum baseline) over a clean run with baselines, else NaN. */
function placeboLogRatio(
  y: Float64Array,
  baseline: Float64Array,
  clean: Uint8Array,
  start: number,
  end: number,
): number {
  let sumY = 0;
  let sumB = 0;
  for (let t = start; t < end; t++) {
    if (clean[t] === 0 || Number.isNaN(baseline[t])) return Number.NaN;
    sumY += y[t];
    sumB += baseline[t];
  }
  return sumY > 0 && sumB > 0 ? Math.log(sumY / sumB) : Number.NaN;
}

/** Mean square of log(y / baseline) over single clean points: the noise when no placebo run exists. */
function pointNoise(y: Float64Array, baseline: Float64Array, clean: Uint8Array): number {
  let squares = 0;
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    if (clean[t] === 0 || !(y[t] > 0 && baseline[t] > 0)) continue;
    squares += Math.log(y[t] / baseline[t]) ** 2;
    count++;
  }
  // Nothing to compare with at all: a 20% noise, so that single occurrences are shrunk noticeably.
  return count > 0 ? squares / count : 0.04;
}
