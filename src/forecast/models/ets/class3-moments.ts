import type { EtsForm } from "./ets-form.js";

/**
 * One of the structured linear maps of the class 3 recursion, acting on z = x2 (x) x1 (Kronecker order:
 * index i2 * p1 + i1), written as p1 x p1 blocks: block row i2 of the output is `diagonal` times block
 * `i2 - 1` of the input (cyclically), plus, in block row 0 only, `corner` times block m - 1.
 */
interface BlockShift {
  readonly diagonal: Float64Array | null;
  readonly corner: Float64Array | null;
}

function applyRow(
  op: BlockShift,
  input: Float64Array,
  output: Float64Array,
  offset: number,
  p1: number,
  m: number,
): void {
  for (let i2 = 0; i2 < m; i2++) {
    const from = offset + (i2 === 0 ? m - 1 : i2 - 1) * p1;
    const last = offset + (m - 1) * p1;
    for (let i1 = 0; i1 < p1; i1++) {
      let sum = 0;
      if (op.diagonal !== null)
        for (let j1 = 0; j1 < p1; j1++) sum += op.diagonal[i1 * p1 + j1] * input[from + j1];
      if (i2 === 0 && op.corner !== null)
        for (let j1 = 0; j1 < p1; j1++) sum += op.corner[i1 * p1 + j1] * input[last + j1];
      output[offset + i2 * p1 + i1] = sum;
    }
  }
}

/** out = left X right' for an N x N matrix X (row-major), via X right' row by row and a transpose. */
function sandwich(
  left: BlockShift,
  x: Float64Array,
  right: BlockShift,
  out: Float64Array,
  work: Float64Array,
  size: number,
  p1: number,
  m: number,
): void {
  for (let r = 0; r < size; r++) applyRow(right, x, work, r * size, p1, m);
  // work = X right'; now left (work) = (work' left')', i.e. apply left to the rows of work' and transpose.
  for (let r = 0; r < size; r++)
    for (let c = r + 1; c < size; c++) {
      const swap = work[r * size + c];
      work[r * size + c] = work[c * size + r];
      work[c * size + r] = swap;
    }
  for (let r = 0; r < size; r++) applyRow(left, work, out, r * size, p1, m);
  for (let r = 0; r < size; r++)
    for (let c = r + 1; c < size; c++) {
      const swap = out[r * size + c];
      out[r * size + c] = out[c * size + r];
      out[c * size + r] = swap;
    }
}

/**
 * Mean and variance of the h-step forecast for class 3 of Hyndman et al. (2008, section 6.4): multiplicative
 * error and season with no or additive (possibly damped) trend, ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M). With
 * x1 = (level, trend) and x2 the seasons, y = w1'x1 x2'w2 (1 + e), x1' = (F1 + G1 e) x1 and
 * x2' = (F2 + G2 e) x2; the first two moments of z = x2 (x) x1 follow exactly, and
 * var(y) = (1 + sigma^2) w'Var(z)w + sigma^2 mean^2. The mean is the conditional mean of y, which
 * exceeds the point forecast slightly beyond one season. R's forecast package uses the same recursion (its
 * class3), with F1 = [1 1; 0 phi] for the damped trend where the model has [1 phi; 0 phi].
 *
 * @param form a class 3 form
 * @param state [level, trend, s(0), ..., s(m-1)] after the last observation
 * @returns mean and variance for steps 1..horizon
 * @example etsClass3Moments(form, 0.3, 0.01, 0.1, 1, 0.002, fit.finalState, 12).variance
 */
export function etsClass3Moments(
  form: EtsForm,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  sigma2: number,
  state: Float64Array,
  horizon: number,
): { mean: Float64Array; variance: Float64Array } {
  const m = form.period;
  const p1 = form.trend === "N" ? 1 : 2;
  const size = p1 * m;
  const w1 = p1 === 1 ? Float64Array.of(1) : Float64Array.of(1, phi);
  const f1 = p1 === 1 ? Float64Array.of(1) : Float64Array.of(1, phi, 0, phi);
  const g1 = p1 === 1 ? Float64Array.of(alpha) : Float64Array.of(alpha, alpha * phi, beta, beta * phi);
  const f1Gamma = f1.map((v) => gamma * v);
  const g1Gamma = g1.map((v) => gamma * v);
  // F21 = F2 (x) F1 shifts the seasons; G21 = G2 (x) G1 feeds block m - 1 into block 0; K = G2 (x) F1 + F2 (x) G1.
  const shift: BlockShift = { diagonal: f1, corner: null };
  const feed: BlockShift = { diagonal: null, corner: g1Gamma };
  const cross: BlockShift = { diagonal: g1, corner: f1Gamma };

  const mu = new Float64Array(size);
  const seasons = (i2: number) => state[2 + (m - 1 - i2)];
  for (let i2 = 0; i2 < m; i2++) {
    mu[i2 * p1] = seasons(i2) * state[0];
    if (p1 === 2) mu[i2 * p1 + 1] = seasons(i2) * state[1];
  }
  let variance = new Float64Array(size * size);
  let next = new Float64Array(size * size);
  const second = new Float64Array(size * size);
  const term = new Float64Array(size * size);
  const work = new Float64Array(size * size);
  const nextMu = new Float64Array(size);
  const feedMu = new Float64Array(size);
  const mean = new Float64Array(horizon);
  const out = new Float64Array(horizon);
  const last = (m - 1) * p1;
  for (let h = 0; h < horizon; h++) {
    let forecast = 0;
    let quadratic = 0;
    for (let i = 0; i < p1; i++) {
      forecast += w1[i] * mu[last + i];
      for (let j = 0; j < p1; j++) quadratic += w1[i] * w1[j] * variance[(last + i) * size + last + j];
    }
    mean[h] = forecast;
    out[h] = Math.max((1 + sigma2) * quadratic + sigma2 * forecast * forecast, 0);
    if (h === horizon - 1) break;

    // Var(z') = A V A' + s2 (A V G' + G V A' + K S K' + s2 G (3V + 2 mu mu') G'), S = V + mu mu'.
    sandwich(shift, variance, shift, next, work, size, p1, m);
    sandwich(shift, variance, feed, term, work, size, p1, m);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) next[r * size + c] += sigma2 * (term[r * size + c] + term[c * size + r]);
    }
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) second[r * size + c] = variance[r * size + c] + mu[r] * mu[c];
    sandwich(cross, second, cross, term, work, size, p1, m);
    for (let i = 0; i < size * size; i++) next[i] += sigma2 * term[i];
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) second[r * size + c] = 3 * variance[r * size + c] + 2 * mu[r] * mu[c];
    }
    sandwich(feed, second, feed, term, work, size, p1, m);
    for (let i = 0; i < size * size; i++) next[i] += sigma2 * sigma2 * term[i];
    [variance, next] = [next, variance];

    // E[z'] = (A + s2 G) mu.
    applyRow(shift, mu, nextMu, 0, p1, m);
    applyRow(feed, mu, feedMu, 0, p1, m);
    for (let i = 0; i < size; i++) mu[i] = nextMu[i] + sigma2 * feedMu[i];
  }
  return { mean, variance: out };
}
