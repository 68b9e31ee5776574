import type { ForecastRequest } from "./forecaster.js";

/**
 * Checks a forecast request and throws an error naming the parameter that is wrong: `horizon` an integer
 * >= 1, every `levels` entry strictly between 0 and 100, every `seasons` entry an integer >= 2, ascending.
 *
 * @example
 * validateRequest({ horizon: 0, levels: [80], seasons: [] }); // throws "horizon: 0 is not an integer >= 1"
 */
export function validateRequest(request: ForecastRequest): void {
  const { horizon, levels, seasons } = request;
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new Error(`horizon: ${horizon} is not an integer >= 1`);
  if (!Array.isArray(levels)) throw new Error("levels: expected an array of percentages, e.g. [80, 95]");
  for (const level of levels) {
    if (typeof level !== "number" || !(level > 0 && level < 100)) {
      throw new Error(`levels: ${level} is not a percentage strictly between 0 and 100`);
    }
  }
  if (!Array.isArray(seasons)) throw new Error("seasons: expected an array of periods, e.g. [24, 168]");
  for (let i = 0; i < seasons.length; i++) {
    const period = seasons[i];
    if (!Number.isInteger(period) || period < 2) throw new Error(`seasons: ${period} is not an integer >= 2`);
    if (i > 0 && period <= seasons[i - 1])
      throw new Error(`seasons: [${seasons.join(", ")}] is not ascending`);
  }
}

/**
 * Checks that every value of `y` is finite; models and cross-validation take imputed series only.
 *
 * @param name the parameter name used in the error, e.g. "y"
 * @example
 * validateFinite(Float64Array.of(1, NaN)); // throws "y[1] is NaN: models take finite values only (...)"
 */
export function validateFinite(y: Float64Array, name = "y"): void {
  if (!(y instanceof Float64Array)) throw new Error(`${name}: expected a Float64Array`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new Error(
        `${name}[${i}] is ${y[i]}: models take finite values only (forecastSeries imputes gaps)`,
      );
    }
  }
}

/**
 * Checks a request's regressors against a series of `n` points: every column a Float64Array of
 * `n + horizon` finite values. No `xreg` passes.
 *
 * @example
 * validateXreg({ horizon: 2, levels: [], seasons: [], xreg: [new Float64Array(5)] }, 4); // throws "xreg[0]: ..."
 */
export function validateXreg(request: ForecastRequest, n: number): void {
  const { xreg, horizon } = request;
  if (xreg === undefined) return;
  if (!Array.isArray(xreg)) throw new Error("xreg: expected an array of Float64Array columns");
  for (let i = 0; i < xreg.length; i++) {
    const column = xreg[i];
    if (!(column instanceof Float64Array) || column.length !== n + horizon) {
      throw new Error(
        `xreg[${i}]: expected a Float64Array of ${n + horizon} values (${n} observations + horizon ${horizon}), ` +
          `got ${column instanceof Float64Array ? column.length : typeof column}`,
      );
    }
    validateFinite(column, `xreg[${i}]`);
  }
}
