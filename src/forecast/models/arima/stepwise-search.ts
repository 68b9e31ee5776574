import type { ArimaOrder } from "./arima-order.js";
import type { ScoredArima } from "./try-arima.js";

/** Bounds of the stepwise search. */
export interface SearchLimits {
  readonly maxP: number;
  readonly maxQ: number;
  readonly maxSP: number;
  readonly maxSQ: number;
  /**
   * Largest p + q + P + Q of a neighbour; Infinity for none, which is what R's stepwise search does (its
   * max.order bounds the exhaustive search only).
   */
  readonly maxOrder: number;
  /** Most models fitted. */
  readonly maxModels: number;
}

type Move = readonly [dp: number, dq: number, dP: number, dQ: number];

// The neighbours in R's order: seasonal moves first, then non-seasonal, each pair of single steps
// followed by the joint ones; the constant is toggled last.
const MOVES: readonly Move[] = [
  [0, 0, -1, 0],
  [0, 0, 0, -1],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
  [0, 0, -1, -1],
  [0, 0, -1, 1],
  [0, 0, 1, -1],
  [0, 0, 1, 1],
  [-1, 0, 0, 0],
  [0, -1, 0, 0],
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [-1, -1, 0, 0],
  [-1, 1, 0, 0],
  [1, -1, 0, 0],
  [1, 1, 0, 0],
];

/**
 * The stepwise search of Hyndman & Khandakar (2008), section 3.2, in the order of R's auto.arima: fit
 * ARIMA(p,d,q)(P,D,Q) from the start orders, ARIMA(0,d,0)(0,D,0), ARIMA(1,d,0)(1,D,0),
 * ARIMA(0,d,1)(0,D,1) and, with a constant, ARIMA(0,d,0)(0,D,0) without it; then from the best model so
 * far try its neighbours (P, Q, p, q moved by one, singly and in pairs, then the constant toggled),
 * moving to the first that improves and starting over, until a full round of new neighbours improves
 * nothing or `maxModels` are fitted. A neighbour is fitted at most once.
 *
 * @param fitCandidate fits and scores one candidate (Infinity when it fails)
 * @example stepwiseSearch(base, { p: 2, q: 2, P: 1, Q: 1 }, limits, true, fitCandidate).best
 */
export function stepwiseSearch(
  base: ArimaOrder,
  start: { p: number; q: number; P: number; Q: number },
  limits: SearchLimits,
  constantAllowed: boolean,
  fitCandidate: (order: ArimaOrder, constant: boolean) => ScoredArima,
): { best: ScoredArima; candidates: ScoredArima[] } {
  const { maxP, maxQ, maxSP, maxSQ, maxModels } = limits;
  const candidates: ScoredArima[] = [];
  const seen = new Set<string>();
  const key = (p: number, q: number, P: number, Q: number, c: boolean) => `${p},${q},${P},${Q},${c}`;
  const run = (p: number, q: number, P: number, Q: number, c: boolean): ScoredArima => {
    const scored = fitCandidate({ ...base, p, q, P, Q }, c);
    candidates.push(scored);
    seen.add(key(p, q, P, Q, c));
    return scored;
  };
  let constant = constantAllowed;
  let { p, q, P, Q } = start;
  let best = run(p, q, P, Q, constant);
  const consider = (np: number, nq: number, nP: number, nQ: number, c: boolean): boolean => {
    const scored = run(np, nq, nP, nQ, c);
    if (scored.score < best.score) {
      best = scored;
      p = np;
      q = nq;
      P = nP;
      Q = nQ;
      constant = c;
      return true;
    }
    return false;
  };
  consider(0, 0, 0, 0, constant);
  const seasonal = base.period > 1;
  if (maxP > 0 || maxSP > 0) consider(maxP > 0 ? 1 : 0, 0, seasonal && maxSP > 0 ? 1 : 0, 0, constant);
  if (maxQ > 0 || maxSQ > 0) consider(0, maxQ > 0 ? 1 : 0, 0, seasonal && maxSQ > 0 ? 1 : 0, constant);
  if (constant) consider(0, 0, 0, 0, false);

  let fitted = candidates.length;
  let previous = -1;
  search: while (previous < fitted && fitted < maxModels) {
    previous = fitted;
    for (const [dp, dq, dP, dQ] of MOVES) {
      const np = p + dp;
      const nq = q + dq;
      const nP = P + dP;
      const nQ = Q + dQ;
      if (np < 0 || nq < 0 || nP < 0 || nQ < 0 || np > maxP || nq > maxQ || nP > maxSP || nQ > maxSQ)
        continue;
      if (np + nq + nP + nQ > limits.maxOrder) continue;
      if (seen.has(key(np, nq, nP, nQ, constant))) continue;
      if (fitted >= maxModels) break search;
      fitted++;
      if (consider(np, nq, nP, nQ, constant)) continue search;
    }
    if (constantAllowed && !seen.has(key(p, q, P, Q, !constant))) {
      if (fitted >= maxModels) break;
      fitted++;
      consider(p, q, P, Q, !constant);
    }
  }
  return { best, candidates };
}
