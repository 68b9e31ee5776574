import type { EtsForm } from "./ets-form.js";

/** out = left (b + u v') right', all p x p (row-major; u, v of length p; u may be null for no outer product). */
function conjugate(
  left: Float64Array,
  b: Float64Array,
  bOffset: number,
  stride: number,
  u: Float64Array | null,
  uOffset: number,
  vOffset: number,
  right: Float64Array,
  p: number,
  scratch: Float64Array,
  out: Float64Array,
): void {
  // scratch = left (b + u v')
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (let k = 0; k < p; k++) {
        const bkj = b[bOffset + k * stride + j] + (u === null ? 0 : u[uOffset + k] * u[vOffset + j]);
        sum += left[i * p + k] * bkj;
      }
      scratch[i * p + j] = sum;
    }
  }
  // out = scratch right'
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (let k = 0; k < p; k++) sum += scratch[i * p + k] * right[j * p + k];
      out[i * p + j] = sum;
    }
  }
}

/**
 * Mean and variance of the h-step forecast for class 3 of Hyndman et al. (2008, section 6.4): multiplicative
 * error and season with no or additive (possibly damped) trend, ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M). With
 * x1 = (level, trend) and x2 the seasons, y = w1'x1 x2'w2 (1 + e), x1' = (F1 + G1 e) x1 and
 * x2' = (F2 + G2 e) x2; the first two moments of z = x2 (x) x1 follow exactly:
 * E z' = (A + s2 G) E z and Var z' = A V A' + s2 (A V G' + G V A' + K S K' + s2 G (3V + 2 mu mu') G'), with
 * A = F2 (x) F1, G = G2 (x) G1, K = G2 (x) F1 + F2 (x) G1, S = V + mu mu', and
 * var(y) = (1 + sigma^2) w'Var(z)w + sigma^2 mean^2. The mean is the conditional mean of y, which exceeds
 * the point forecast slightly beyond one season. R's forecast package uses the same recursion (its class3),
 * with F1 = [1 1; 0 phi] for the damped trend where the model has [1 phi; 0 phi].
 *
 * F2 shifts the seasons cyclically and G2 feeds the oldest season into the newest, so every operator maps
 * p1 x p1 blocks of z's covariance to blocks: one step costs O(m^2 p1^3), not O((m p1)^3).
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
  const p = form.trend === "N" ? 1 : 2;
  const size = p * m;
  const w1 = p === 1 ? Float64Array.of(1) : Float64Array.of(1, phi);
  const f1 = p === 1 ? Float64Array.of(1) : Float64Array.of(1, phi, 0, phi);
  const g1 = p === 1 ? Float64Array.of(alpha) : Float64Array.of(alpha, alpha * phi, beta, beta * phi);
  const g1Gamma = g1.map((v) => gamma * v);
  // K's block for the newest season, G1 + gamma F1; the other blocks are G1.
  const k0 = f1.map((v, i) => g1[i] + gamma * v);

  // z = x2 (x) x1 in blocks of p, block a for R's season a + 1 (a = m - 1 is the next one).
  let mu = new Float64Array(size);
  let nextMu = new Float64Array(size);
  for (let a = 0; a < m; a++) {
    const season = state[2 + (m - 1 - a)];
    for (let i = 0; i < p; i++) mu[a * p + i] = season * state[i];
  }
  let variance = new Float64Array(size * size);
  let next = new Float64Array(size * size);
  const scratch = new Float64Array(p * p);
  const block = new Float64Array(p * p);
  const extra = new Float64Array(p * p);
  const mean = new Float64Array(horizon);
  const out = new Float64Array(horizon);
  const last = (m - 1) * p;
  const source = (a: number) => (a === 0 ? m - 1 : a - 1);
  for (let h = 0; h < horizon; h++) {
    let forecast = 0;
    let quadratic = 0;
    for (let i = 0; i < p; i++) {
      forecast += w1[i] * mu[last + i];
      for (let j = 0; j < p; j++) quadratic += w1[i] * w1[j] * variance[(last + i) * size + last + j];
    }
    mean[h] = forecast;
    out[h] = Math.max((1 + sigma2) * quadratic + sigma2 * forecast * forecast, 0);
    if (h === horizon - 1) break;

    // A V A' + s2 K S K', block by block: both move block (s, t) of V to (a, b), s and t the sources.
    for (let a = 0; a < m; a++) {
      const s = source(a);
      for (let b = a; b < m; b++) {
        const t = source(b);
        const offset = s * p * size + t * p;
        conjugate(f1, variance, offset, size, null, 0, 0, f1, p, scratch, block);
        conjugate(
          a === 0 ? k0 : g1,
          variance,
          offset,
          size,
          mu,
          s * p,
          t * p,
          b === 0 ? k0 : g1,
          p,
          scratch,
          extra,
        );
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < p; j++) {
            const value = block[i * p + j] + sigma2 * extra[i * p + j];
            next[(a * p + i) * size + b * p + j] = value;
            next[(b * p + j) * size + a * p + i] = value;
          }
        }
      }
    }
    // s2 (A V G' + G V A'): G reads the oldest season's block and writes the newest, so A V G' fills block
    // column 0 only, F1 V(source(a), m - 1) (gamma G1)'.
    for (let a = 0; a < m; a++) {
      conjugate(f1, variance, source(a) * p * size + last, size, null, 0, 0, g1Gamma, p, scratch, block);
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < p; j++) {
          next[(a * p + i) * size + j] += sigma2 * block[i * p + j];
          next[j * size + a * p + i] += sigma2 * block[i * p + j];
        }
      }
    }
    // s2^2 G (3V + 2 mu mu') G', block (0, 0) only.
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        extra[i * p + j] = 3 * variance[(last + i) * size + last + j] + 2 * mu[last + i] * mu[last + j];
      }
    }
    conjugate(g1Gamma, extra, 0, p, null, 0, 0, g1Gamma, p, scratch, block);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) next[i * size + j] += sigma2 * sigma2 * block[i * p + j];
    [variance, next] = [next, variance];

    // E z' = (A + s2 G) mu.
    for (let a = 0; a < m; a++) {
      const s = source(a);
      for (let i = 0; i < p; i++) {
        let sum = 0;
        for (let k = 0; k < p; k++) sum += f1[i * p + k] * mu[s * p + k];
        if (a === 0) for (let k = 0; k < p; k++) sum += sigma2 * g1Gamma[i * p + k] * mu[last + k];
        nextMu[a * p + i] = sum;
      }
    }
    [mu, nextMu] = [nextMu, mu];
  }
  return { mean, variance: out };
}
