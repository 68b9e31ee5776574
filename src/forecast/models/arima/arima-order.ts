/**
 * The orders of a seasonal ARIMA(p,d,q)(P,D,Q)[period] model: p AR and q MA coefficients, d differences,
 * and P seasonal AR, Q seasonal MA coefficients and D seasonal differences at lag `period`.
 */
export interface ArimaOrder {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly P: number;
  readonly D: number;
  readonly Q: number;
  /** The seasonal period; 1 (or anything when P, D and Q are 0) for a non-seasonal model. */
  readonly period: number;
}

/**
 * Throws an error naming the order that is wrong: every order a whole number >= 0, and a period a whole
 * number >= 2 when P, D or Q is positive.
 *
 * @example checkOrder({ p: -1, d: 0, q: 0, P: 0, D: 0, Q: 0, period: 1 }) // throws "arima: order.p must be ..."
 */
export function checkOrder(order: ArimaOrder): void {
  for (const key of ["p", "d", "q", "P", "D", "Q"] as const) {
    const value = order[key];
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new RangeError(`arima: order.${key} must be a whole number >= 0, got ${value}`);
    }
  }
  if (order.P + order.D + order.Q > 0 && !(Number.isInteger(order.period) && order.period >= 2)) {
    throw new RangeError(
      `arima: order.period must be a whole number >= 2 with seasonal terms (P, D, Q = ${order.P}, ${order.D}, ${order.Q}), got ${order.period}`,
    );
  }
}

/** The seasonal period in effect: 1 when the model has no seasonal terms. */
export function seasonalPeriod(order: ArimaOrder): number {
  return order.P + order.D + order.Q > 0 ? order.period : 1;
}

/** The number of observations the differencing consumes, d + D * period. */
export function differencingLength(order: ArimaOrder): number {
  return order.d + order.D * seasonalPeriod(order);
}
