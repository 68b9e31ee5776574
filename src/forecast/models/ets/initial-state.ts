import { solveInPlace } from "../../solve-in-place.js";
import type { EtsForm } from "./ets-form.js";
import { seasonalFigure } from "./seasonal-figure.js";

/**
 * Intercept and slope of y on t = 1..n by least squares, plus one Fourier pair of the period when given: the
 * regression R's forecast::ets starts from when there are fewer than three seasons.
 */
function trendRegression(y: Float64Array, n: number, period: number): [number, number] {
  // Columns: 1, t, and cos, sin of 2 pi t / m (sin is identically 0 for m = 2, so it is left out).
  const size = period <= 1 ? 2 : period === 2 ? 3 : 4;
  const a = new Float64Array(size * size);
  const b = new Float64Array(size);
  const row = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const t = i + 1;
    row[0] = 1;
    row[1] = t;
    if (size > 2) row[2] = Math.cos((2 * Math.PI * t) / period);
    if (size > 3) row[3] = Math.sin((2 * Math.PI * t) / period);
    for (let r = 0; r < size; r++) {
      b[r] += row[r] * y[i];
      for (let c = 0; c < size; c++) a[r * size + c] += row[r] * row[c];
    }
  }
  // Pivots below 1e-300 count as singular: the regression then falls back to the mean.
  if (!solveInPlace(a, size, b, 1e-300)) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i];
    return [mean / n, 0];
  }
  return [b[0], b[1]];
}

/**
 * A heuristic initial state for the ETS optimiser, after R's forecast::ets (`initstate`; Hyndman et al.
 * 2008, section 2.6.1): seasons from a classical decomposition (or, with fewer than three seasons, from the
 * data less a linear trend fitted with one Fourier pair), then the level and trend from a regression on the
 * first max(10, 2m) seasonally adjusted values.
 *
 * @param y the series; seasonal forms need at least 4 values
 * @param form which components to start
 * @returns [level, trend, s(0), ..., s(m-1)] in the layout of `etsFilter` (the trend slot 0 without a
 *   trend); s(0) is the season of y[0], set so that the seasons sum to 0 (additive) or m (multiplicative)
 * @example etsInitialState(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), { error: "A", trend: "A", damped: false, season: "N", period: 1 })
 * // [0, 1]
 */
export function etsInitialState(y: Float64Array, form: EtsForm): Float64Array {
  const n = y.length;
  const m = form.season === "N" ? 1 : form.period;
  const state = new Float64Array(2 + (m > 1 ? m : 0));
  let adjusted = y;
  if (m > 1) {
    const multiplicative = form.season === "M";
    let seasonal: (t: number) => number;
    if (n < 3 * m) {
      const [intercept, slope] = trendRegression(y, n, m);
      seasonal = multiplicative
        ? (t) => y[t] / (intercept + slope * (t + 1))
        : (t) => y[t] - intercept - slope * (t + 1);
    } else {
      const figure = seasonalFigure(y, m, multiplicative);
      seasonal = (t) => figure[t % m];
    }
    // R keeps the seasons of y[1..m-1] and sets the season of y[0] from the normalisation.
    let sum = 0;
    for (let j = 1; j < m; j++) {
      const s = seasonal(j);
      state[2 + j] = multiplicative ? Math.max(s, 0.01) : s;
      sum += state[2 + j];
    }
    if (multiplicative && sum > m) {
      // R's rescaling, kept so that the optimiser starts where R's does.
      const scale = sum + 0.01 * (m - 1);
      sum = 0;
      for (let j = 1; j < m; j++) {
        state[2 + j] /= scale;
        sum += state[2 + j];
      }
    }
    state[2] = (multiplicative ? m : 0) - sum;
    // Only the first max(10, 2m) adjusted values are used below.
    adjusted = new Float64Array(Math.min(Math.max(10, 2 * m), n));
    for (let t = 0; t < adjusted.length; t++)
      adjusted[t] = multiplicative ? y[t] / Math.max(seasonal(t), 0.01) : y[t] - seasonal(t);
  }
  const head = Math.min(Math.max(10, 2 * m), n);
  if (form.trend === "N") {
    let sum = 0;
    for (let t = 0; t < head; t++) sum += adjusted[t];
    state[0] = sum / head;
    return state;
  }
  const [intercept, slope] = trendRegression(adjusted, head, 1);
  if (form.trend === "A") {
    // A multiplicative error needs a first forecast l + b away from 0.
    const nearZero = Math.abs(intercept + slope) < 1e-8;
    state[0] = nearZero ? intercept * (1 + 1e-3) : intercept;
    state[1] = nearZero ? slope * (1 - 1e-3) : slope;
    return state;
  }
  // Multiplicative trend: level and growth rate from the fitted values at t = 1 and t = 2.
  let first = intercept + slope;
  if (Math.abs(first) < 1e-8) first = 1e-7;
  let growth = (intercept + 2 * slope) / first;
  let level = first / growth;
  if (Math.abs(growth) > 1e10) growth = Math.sign(growth) * 1e10;
  if (level < 1e-8 || growth < 1e-8) {
    level = Math.max(adjusted[0], 1e-3);
    growth = Math.max(adjusted[1] / adjusted[0], 1e-3);
  }
  state[0] = level;
  state[1] = growth;
  return state;
}
