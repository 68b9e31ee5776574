import { type ArimaOrder, seasonalPeriod } from "./arima-order.js";
import type { RegressionTerms } from "./regressors.js";

/**
 * The model's name as forecast's arima.string prints it: "ARIMA(p,d,q)(P,D,Q)[m]" followed by
 * "with drift", "with non-zero mean" or "with zero mean", or "Regression with ARIMA(...) errors" when
 * there are user regressors.
 *
 * @example describeArima({ order: { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, period: 12 }, terms: { intercept: false, drift: false, xreg: 0 } })
 * // "ARIMA(0,1,1)(0,1,1)[12]"
 */
export function describeArima(fit: { order: ArimaOrder; terms: RegressionTerms }): string {
  const { order, terms } = fit;
  const m = seasonalPeriod(order);
  let name = `ARIMA(${order.p},${order.d},${order.q})`;
  if (m > 1) name += `(${order.P},${order.D},${order.Q})[${m}]`;
  if (terms.xreg > 0) return `Regression with ${name} errors`;
  if (terms.drift) return `${name} with drift`;
  if (terms.intercept) return `${name} with non-zero mean`;
  if (order.d === 0 && order.D === 0) return `${name} with zero mean`;
  return name;
}
