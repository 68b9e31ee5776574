import { solveInPlace } from "../../solve-in-place.js";
import { type ArimaWorkspace, workspaceArray } from "./arima-workspace.js";
import type { LikelihoodSums } from "./kalman-filter.js";
import { stationaryFirstColumn, stationaryScratch } from "./stationary-first-column.js";

/** Scratch of {@link armaLikelihoodGradient} for one model order and series length. */
export interface ArmaGradientScratch {
  readonly r: number;
  readonly n: number;
  readonly a: Float64Array;
  readonly gain: Float64Array;
  readonly change: Float64Array;
  readonly phi: Float64Array;
  readonly column: Float64Array;
  readonly stationary: Float64Array;
  /** The trajectory: gain and change before each step, and the step's scalars. */
  readonly gains: Float64Array;
  readonly changes: Float64Array;
  readonly first: Float64Array;
  readonly innovation: Float64Array;
  readonly variance: Float64Array;
  readonly factor: Float64Array;
  /** Adjoints. */
  readonly aBar: Float64Array;
  readonly gainBar: Float64Array;
  readonly changeBar: Float64Array;
  readonly phiBar: Float64Array;
  readonly system: Float64Array;
  readonly lambda: Float64Array;
  readonly psiBar: Float64Array;
  /** Left by the forward pass for the backward one: its sums and the first steady step (n for none). */
  ssq: number;
  sumlog: number;
  nu: number;
  steadyFrom: number;
}

const DIFFUSE = 1e4;
// armaLikelihood's steady-state test: once the covariance change is below this fraction of the innovation
// variance the gain and the variance are kept fixed.
const STEADY = 1e-13;

/**
 * Allocates the scratch of {@link armaLikelihoodGradient}; the trajectory (n (2 r + 5) numbers) comes from
 * `workspace` when one is given (see `arimaWorkspace`), so that the fits of a search share it.
 *
 * @example armaGradientScratch(13, 13, 200)
 */
export function armaGradientScratch(
  pLength: number,
  qLength: number,
  n: number,
  workspace?: ArimaWorkspace,
): ArmaGradientScratch {
  const r = Math.max(pLength, qLength + 1);
  const k = pLength + 1;
  // Written by the forward pass before the backward pass reads them: not zeroed.
  const trajectory = (slot: string, length: number) => workspaceArray(workspace, slot, length, false);
  return {
    r,
    n,
    a: new Float64Array(r + 1),
    gain: new Float64Array(r),
    change: new Float64Array(r + 1),
    phi: new Float64Array(r),
    column: new Float64Array(r + 1),
    stationary: stationaryScratch(pLength, qLength),
    gains: trajectory("gains", n * r),
    changes: trajectory("changes", n * (r + 1)),
    first: trajectory("first", n),
    innovation: trajectory("innovation", n),
    variance: trajectory("variance", n + 1),
    factor: trajectory("factor", n),
    aBar: new Float64Array(r + 1),
    gainBar: new Float64Array(r),
    changeBar: new Float64Array(r + 1),
    phiBar: new Float64Array(r),
    system: new Float64Array(k * k),
    lambda: new Float64Array(k),
    psiBar: new Float64Array(qLength + 1),
    ssq: 0,
    sumlog: 0,
    nu: 0,
    steadyFrom: n,
  };
}

/**
 * The concentrated objective 0.5 (log(ssq / nu) + sumlog / nu) of `armaLikelihood` (the same numbers,
 * its steady-state shortcut included) and its gradient with respect to phi, theta and the series x, by
 * reverse-mode differentiation: the Chandrasekhar recursions run forward storing their trajectory, the
 * adjoints run back through them (through the steady steps, where only the state moves, by accumulating
 * the adjoints of the fixed gain and variance), then through the start (G = L = T c, F = c0,
 * M = -1 / c0) and the first column c of the stationary covariance (`stationaryFirstColumn`: the
 * autocovariance system A gamma = b is differentiated by solving A' lambda = gamma-bar). The whole gradient costs about three evaluations of
 * the likelihood, where central differences cost two per coefficient.
 *
 * Returns NaN when phi has no stationary covariance.
 *
 * @param phiBar receives d/dphi (phi's length); thetaBar d/dtheta; xBar d/dx (x's length)
 * @example armaLikelihoodGradient(phi, theta, x, armaGradientScratch(p, q, x.length), phiBar, thetaBar, xBar)
 */
export function armaLikelihoodGradient(
  phi: Float64Array,
  theta: Float64Array,
  x: Float64Array,
  scratch: ArmaGradientScratch,
  phiBar: Float64Array,
  thetaBar: Float64Array,
  xBar: Float64Array,
): number {
  const sums = { ssq: 0, sumlog: 0, nu: 0 };
  if (!armaLikelihoodForward(phi, theta, x, sums, scratch)) return Number.NaN;
  if (!armaLikelihoodBackward(phi, theta, scratch, phiBar, thetaBar, xBar)) return Number.NaN;
  return 0.5 * (Math.log(sums.ssq / sums.nu) + sums.sumlog / sums.nu);
}

/**
 * The forward pass of {@link armaLikelihoodGradient}: `armaLikelihood` (the same sums to the last bit, added
 * to `sums`, which the caller resets), storing the trajectory in `scratch` for
 * {@link armaLikelihoodBackward}. An optimiser that asks for the gradient where it last evaluated the
 * likelihood then needs only the backward pass. Returns false when phi has no stationary covariance.
 *
 * @example
 * const sums = { ssq: 0, sumlog: 0, nu: 0 };
 * armaLikelihoodForward(phi, theta, x, sums, scratch); // then armaLikelihoodBackward(phi, theta, scratch, ...)
 */
export function armaLikelihoodForward(
  phi: Float64Array,
  theta: Float64Array,
  x: Float64Array,
  sums: LikelihoodSums,
  scratch: ArmaGradientScratch,
): boolean {
  const { r, a, gain, change, column, gains, changes, first, innovation, variance, factor } = scratch;
  const n = x.length;
  const phiR = scratch.phi;
  phiR.set(phi);
  if (!stationaryFirstColumn(phi, theta, r, column, scratch.stationary)) return false;
  column[r] = 0;
  const c0 = column[0];
  for (let i = 0; i < r; i++) {
    gain[i] = column[i + 1] + phiR[i] * c0;
    change[i] = gain[i];
  }
  change[r] = 0;
  a.fill(0);
  let F = c0;
  let M = -1 / c0;
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  // The first step with the gain fixed (n when the recursions never settle).
  let steadyFrom = n;
  for (let t = 0; t < n; t++) {
    const v = x[t] - a[0];
    if (t >= steadyFrom) {
      // As armaLikelihood once steady: a = T a + G v / F with G and F fixed.
      first[t] = a[0];
      innovation[t] = v;
      variance[t] = F;
      if (F < DIFFUSE) {
        nu++;
        ssq += (v * v) / F;
        sumlog += Math.log(F);
      }
      const s = v / F;
      const a0 = a[0];
      for (let i = 0; i < r; i++) a[i] = a[i + 1] + phiR[i] * a0 + gain[i] * s;
      continue;
    }
    // The trajectory is stored by offset (no views: a subarray per step costs more than the step), G and
    // L within the update loop as they are read.
    const gainsAt = t * r;
    const changesAt = t * (r + 1);
    changes[changesAt] = change[0];
    first[t] = a[0];
    innovation[t] = v;
    variance[t] = F;
    factor[t] = M;
    if (F < DIFFUSE) {
      nu++;
      ssq += (v * v) / F;
      sumlog += Math.log(F);
    }
    const s = v / F;
    const a0 = a[0];
    const u = change[0];
    const k = u / F;
    const Mu = M * u;
    let largest = 0;
    for (let i = 0; i < r; i++) {
      const phiI = phiR[i];
      const g = gain[i];
      const next = change[i + 1];
      gains[gainsAt + i] = g;
      changes[changesAt + i + 1] = next;
      a[i] = a[i + 1] + phiI * a0 + g * s;
      const w = next + phiI * u;
      const l = w - g * k;
      change[i] = l;
      gain[i] = g + w * Mu;
      if (l * l > largest) largest = l * l;
    }
    F += u * Mu;
    M -= (Mu * Mu) / F;
    if (Math.abs(M) * largest <= STEADY * F) steadyFrom = t + 1;
  }
  variance[n] = F;
  scratch.ssq = ssq;
  scratch.sumlog = sumlog;
  scratch.nu = nu;
  scratch.steadyFrom = steadyFrom;
  sums.ssq += ssq;
  sums.sumlog += sumlog;
  sums.nu += nu;
  return true;
}

/**
 * The backward pass of {@link armaLikelihoodGradient} over the trajectory that
 * {@link armaLikelihoodForward} left in `scratch` (for the same phi and theta): the gradient of that pass's
 * objective 0.5 (log(ssq / nu) + sumlog / nu). Returns false when the autocovariance system is singular.
 *
 * @param phiBar receives d/dphi (phi's length); thetaBar d/dtheta; xBar d/dx (the series' length)
 * @example armaLikelihoodBackward(phi, theta, scratch, phiBar, thetaBar, xBar)
 */
export function armaLikelihoodBackward(
  phi: Float64Array,
  theta: Float64Array,
  scratch: ArmaGradientScratch,
  phiBar: Float64Array,
  thetaBar: Float64Array,
  xBar: Float64Array,
): boolean {
  const { r, gain, column, gains, changes, first, innovation, variance, factor, ssq, nu, steadyFrom } =
    scratch;
  const n = xBar.length;
  const p = phi.length;
  const q = theta.length;
  const phiR = scratch.phi;
  const c0 = column[0];
  const F = variance[Math.min(steadyFrom, n)];

  // Backwards: adjoints of the state entering step t (after the step they are those of step t + 1's).
  const { aBar, gainBar, changeBar } = scratch;
  const pBar = scratch.phiBar;
  aBar.fill(0);
  gainBar.fill(0);
  changeBar.fill(0);
  pBar.fill(0);
  let FBar = 0;
  let MBar = 0;
  // The steady steps: the adjoints of the fixed G and F (and none of L and M, which they no longer read)
  // accumulate until the step that fixed them.
  for (let t = n - 1; t >= steadyFrom; t--) {
    const v = innovation[t];
    const a0 = first[t];
    const s = v / F;
    let sBar = 0;
    let a0Bar = 0;
    for (let i = r - 1; i >= 0; i--) {
      const phiI = phiR[i];
      const aOut = aBar[i];
      sBar += gain[i] * aOut;
      gainBar[i] += s * aOut;
      pBar[i] += a0 * aOut;
      a0Bar += phiI * aOut;
      aBar[i + 1] = aOut;
    }
    aBar[r] = 0;
    FBar -= (v / (F * F)) * sBar;
    let vBar = sBar / F;
    if (F < DIFFUSE) {
      vBar += v / (F * ssq);
      FBar += -(v * v) / (2 * F * F * ssq) + 1 / (2 * F * nu);
    }
    xBar[t] = vBar;
    aBar[0] = a0Bar - vBar;
  }
  for (let t = Math.min(steadyFrom, n) - 1; t >= 0; t--) {
    const gainsAt = t * r;
    const changesAt = t * (r + 1);
    const v = innovation[t];
    const F0 = variance[t];
    const M0 = factor[t];
    const a0 = first[t];
    const u = changes[changesAt];
    const s = v / F0;
    const k = u / F0;
    const Mu = M0 * u;
    const F1 = variance[t + 1];
    // M' = M - Mu^2 / F', F' = F + u Mu
    const F1Bar = FBar + ((Mu * Mu) / (F1 * F1)) * MBar;
    let MuBar = (-2 * Mu * MBar) / F1 + u * F1Bar;
    let uBar = Mu * F1Bar;
    let F0Bar = F1Bar;
    let M0Bar = MBar;
    let kBar = 0;
    let sBar = 0;
    let a0Bar = 0;
    // The vector updates, from the highest index down: input i + 1 feeds output i only, so its adjoint
    // is written once output i + 1's has been read.
    for (let i = r - 1; i >= 0; i--) {
      const phiI = phiR[i];
      const g = gains[gainsAt + i];
      const w = changes[changesAt + i + 1] + phiI * u;
      const aOut = aBar[i];
      const gOut = gainBar[i];
      const lOut = changeBar[i];
      // G' = G + w Mu; L' = w - G k; a' = a[i+1] + phi a0 + G s
      const wBar = Mu * gOut + lOut;
      MuBar += w * gOut;
      kBar -= g * lOut;
      sBar += g * aOut;
      gainBar[i] = gOut - k * lOut + s * aOut;
      pBar[i] += u * wBar + a0 * aOut;
      uBar += phiI * wBar;
      a0Bar += phiI * aOut;
      // inputs a[i + 1] and L[i + 1]
      aBar[i + 1] = aOut;
      changeBar[i + 1] = wBar;
    }
    aBar[r] = 0;
    changeBar[r] = 0;
    M0Bar += u * MuBar;
    uBar += M0 * MuBar;
    uBar += kBar / F0;
    F0Bar -= (u / (F0 * F0)) * kBar;
    F0Bar -= (v / (F0 * F0)) * sBar;
    let vBar = sBar / F0;
    if (F0 < DIFFUSE) {
      vBar += v / (F0 * ssq);
      F0Bar += -(v * v) / (2 * F0 * F0 * ssq) + 1 / (2 * F0 * nu);
    }
    xBar[t] = vBar;
    a0Bar -= vBar;
    aBar[0] = a0Bar;
    changeBar[0] = uBar;
    FBar = F0Bar;
    MBar = M0Bar;
  }
  // The start: G = L = T c (c[r] = 0), F = c0, M = -1 / c0.
  let c0Bar = FBar + MBar / (c0 * c0);
  const colBar = scratch.a; // reused: adjoint of c[0..r]
  colBar.fill(0);
  for (let i = 0; i < r; i++) {
    const gb = gainBar[i] + changeBar[i];
    if (i + 1 < r) colBar[i + 1] += gb;
    pBar[i] += c0 * gb;
    c0Bar += phiR[i] * gb;
  }
  colBar[0] += c0Bar;
  // c[s] = sum_{j>s} phi[j-1] gamma(j-s) + sum_{j>=s} theta_j psi(j-s) for s >= 1, c[0] = gamma(0).
  const { lambda, psiBar, system } = scratch;
  const kk = p + 1;
  const stat = scratch.stationary;
  const gamma = stat.subarray(kk * kk, kk * kk + kk);
  const psi = stat.subarray(kk * kk + 2 * kk, kk * kk + 2 * kk + q + 1);
  thetaBar.fill(0);
  psiBar.fill(0);
  const gammaBar = lambda; // gamma-bar first, solved in place into lambda below
  gammaBar.fill(0);
  gammaBar[0] += colBar[0];
  for (let s = 1; s < r; s++) {
    const cb = colBar[s];
    if (cb === 0) continue;
    for (let j = s + 1; j <= p; j++) {
      pBar[j - 1] += gamma[j - s] * cb;
      gammaBar[j - s] += phi[j - 1] * cb;
    }
    for (let j = s; j <= q; j++) {
      if (j > 0) thetaBar[j - 1] += psi[j - s] * cb;
      psiBar[j - s] += (j === 0 ? 1 : theta[j - 1]) * cb;
    }
  }
  // A' lambda = gamma-bar with A[e][e] = 1, A[e][|e-i|] -= phi_i (rebuilt, then eliminated).
  system.fill(0);
  for (let e = 0; e < kk; e++) {
    system[e * kk + e] += 1;
    for (let i = 1; i <= p; i++) system[e * kk + Math.abs(e - i)] -= phi[i - 1];
  }
  if (!solveTransposed(system, kk, lambda)) return false;
  // A-bar = -lambda gamma', b-bar = lambda.
  for (let e = 0; e < kk; e++) {
    const l = lambda[e];
    for (let i = 1; i <= p; i++) pBar[i - 1] += l * gamma[Math.abs(e - i)];
    for (let j = e; j <= q; j++) {
      if (j > 0) thetaBar[j - 1] += l * psi[j - e];
      psiBar[j - e] += l * (j === 0 ? 1 : theta[j - 1]);
    }
  }
  // psi(j) = theta_j + sum_{i <= min(j, p)} phi_i psi(j - i), backwards.
  for (let j = q; j >= 1; j--) {
    const pb = psiBar[j];
    if (pb === 0) continue;
    thetaBar[j - 1] += pb;
    const top = Math.min(j, p);
    for (let i = 1; i <= top; i++) {
      pBar[i - 1] += psi[j - i] * pb;
      psiBar[j - i] += phi[i - 1] * pb;
    }
  }
  for (let i = 0; i < p; i++) phiBar[i] = pBar[i];
  return true;
}

/** Solves A' x = b in place (b in x) by Gaussian elimination with partial pivoting on A'; A is overwritten. */
function solveTransposed(A: Float64Array, k: number, x: Float64Array): boolean {
  // Transpose in place.
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const swap = A[i * k + j];
      A[i * k + j] = A[j * k + i];
      A[j * k + i] = swap;
    }
  }
  return solveInPlace(A, k, x);
}
