/** Which regression terms an ARIMA fit carries, in R's coefficient order: intercept, drift, xreg. */
export interface RegressionTerms {
  /** A constant (only without differencing, as R's include.mean). */
  readonly intercept: boolean;
  /** A linear time trend 1, 2, ..., n (forecast's include.drift; only with one difference in all). */
  readonly drift: boolean;
  /** The number of user regressors. */
  readonly xreg: number;
}

/** The number of regression coefficients. */
export function termCount(terms: RegressionTerms): number {
  return (terms.intercept ? 1 : 0) + (terms.drift ? 1 : 0) + terms.xreg;
}

/** Coefficient names as R prints them: "intercept", "drift", "xreg1", ... */
export function termNames(terms: RegressionTerms): string[] {
  const names: string[] = [];
  if (terms.intercept) names.push("intercept");
  if (terms.drift) names.push("drift");
  for (let i = 0; i < terms.xreg; i++) names.push(terms.xreg === 1 ? "xreg" : `xreg${i + 1}`);
  return names;
}

/**
 * The design columns over t in [from, to): ones for the intercept, t + 1 for the drift, and
 * `xreg[i][t]` for the user regressors (which must cover `to`).
 *
 * @example regressionColumns({ intercept: false, drift: true, xreg: 0 }, [], 0, 3) // [[1, 2, 3]]
 */
export function regressionColumns(
  terms: RegressionTerms,
  xreg: readonly Float64Array[],
  from: number,
  to: number,
): Float64Array[] {
  const columns: Float64Array[] = [];
  if (terms.intercept) columns.push(new Float64Array(to - from).fill(1));
  if (terms.drift) {
    const drift = new Float64Array(to - from);
    for (let i = 0; i < drift.length; i++) drift[i] = from + i + 1;
    columns.push(drift);
  }
  for (let i = 0; i < terms.xreg; i++) columns.push(xreg[i].slice(from, to));
  return columns;
}
