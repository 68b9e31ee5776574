import { isStationaryAr } from "./partrans.js";
import { stationaryCovariance } from "./stationary-covariance.js";
import { stationaryScratch } from "./stationary-first-column.js";

/**
 * The state space form of an ARIMA model that R's arima filters (Gardner, Harvey & Phillips 1980; Harvey
 * 1989, section 3.3): r = max(p, q + 1) ARMA states followed by the d + D m lagged levels the differencing
 * needs, with transition T, observation vector Z = (1, 0, ..., 0, delta) and disturbance R = (1, theta, 0).
 * The arrays are allocated once per model order and reused by every likelihood evaluation.
 */
export interface ArimaStateSpace {
  /** The multiplied-out AR coefficients (length p + m P). */
  readonly phi: Float64Array;
  /** The multiplied-out MA coefficients (length q + m Q). */
  readonly theta: Float64Array;
  /** The differencing polynomial (see `differencingPolynomial`). */
  readonly delta: Float64Array;
  /** ARMA states. */
  readonly r: number;
  /** All states, r + delta.length. */
  readonly rd: number;
  /** The state after the last observation (filtered mean). */
  readonly a: Float64Array;
  /** Its covariance, rd x rd row-major, in units of the innovation variance. */
  readonly P: Float64Array;
  /**
   * The predicted covariance; before the first observation, the initial covariance. The filter swaps it
   * with `previous` at each step (instead of copying it there).
   */
  Pnew: Float64Array;
  /** Scratch: predicted state, gain vector, T P, the previous Pnew, the stationary covariance. */
  readonly anew: Float64Array;
  readonly M: Float64Array;
  readonly work: Float64Array;
  previous: Float64Array;
  readonly stationaryScratch: Float64Array;
  /** Whether the first observation is still to come (its Pnew is the initial covariance). */
  fresh: boolean;
  /** Whether Pnew has stopped changing, so the gain is fixed from here on. */
  steady: boolean;
}

/**
 * Allocates the state space form for AR and MA polynomials of the given lengths and a differencing
 * polynomial; call {@link resetStateSpace} before filtering. With `filtering` false (default true) only the
 * polynomials are allocated, for a fit that is scored but never filtered.
 *
 * @example createStateSpace(13, 13, Float64Array.of(1)) // r = 14, rd = 15
 */
export function createStateSpace(
  pLength: number,
  qLength: number,
  delta: Float64Array,
  filtering = true,
): ArimaStateSpace {
  const r = Math.max(pLength, qLength + 1);
  const rd = r + delta.length;
  // Without filtering (a fit that is only scored) the matrices are left empty.
  const square = filtering ? rd * rd : 0;
  return {
    phi: new Float64Array(pLength),
    theta: new Float64Array(qLength),
    delta,
    r,
    rd,
    a: new Float64Array(rd),
    P: new Float64Array(square),
    Pnew: new Float64Array(square),
    anew: new Float64Array(rd),
    M: new Float64Array(rd),
    work: new Float64Array(square),
    previous: new Float64Array(square),
    stationaryScratch: filtering ? stationaryScratch(pLength, qLength) : new Float64Array(0),
    fresh: true,
    steady: false,
  };
}

/**
 * Sets the model's coefficients and its initial state as R's makeARIMA: mean 0, the stationary covariance
 * for the ARMA states and a diffuse variance `kappa` for the differencing states. Returns false when the
 * AR part is not stationary (no stationary covariance exists).
 *
 * @example resetStateSpace(model, phi, theta) // true for a stationary phi
 */
export function resetStateSpace(
  model: ArimaStateSpace,
  phi: Float64Array,
  theta: Float64Array,
  kappa = 1e6,
): boolean {
  const { r, rd } = model;
  model.phi.set(phi);
  model.theta.set(theta);
  model.a.fill(0);
  model.P.fill(0);
  model.Pnew.fill(0);
  model.fresh = true;
  model.steady = false;
  const stationary = model.work.subarray(0, r * r);
  if (!isStationaryAr(phi)) return false;
  if (r === 1) {
    stationary[0] = phi.length > 0 ? 1 / (1 - phi[0] * phi[0]) : 1;
    if (!(stationary[0] > 0 && Number.isFinite(stationary[0]))) return false;
  } else if (!stationaryCovariance(phi, theta, r, stationary, model.stationaryScratch)) {
    return false;
  }
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) model.Pnew[i * rd + j] = stationary[i * r + j];
  for (let i = r; i < rd; i++) model.Pnew[i * rd + i] = kappa;
  return true;
}
