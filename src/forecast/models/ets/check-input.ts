import type { ForecastRequest } from "../../forecaster.js";

/**
 * Throws a clear error for input no model can use: an empty series, a value that is not a finite number
 * (the caller imputes gaps first), or a malformed request.
 *
 * @param name the model's name, for the message
 * @param y observations
 * @param request horizon, levels and seasons
 */
export function checkInput(name: string, y: Float64Array, request: ForecastRequest): void {
  if (!(y instanceof Float64Array)) throw new TypeError(`${name}: y must be a Float64Array`);
  if (y.length === 0) throw new RangeError(`${name}: y is empty; at least one observation is needed`);
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t])) {
      throw new RangeError(
        `${name}: y[${t}] is ${y[t]}; values must be finite (impute gaps before forecasting)`,
      );
    }
  }
  const { horizon, levels, seasons } = request;
  if (!(Number.isInteger(horizon) && horizon >= 1)) {
    throw new RangeError(`${name}: request.horizon must be an integer >= 1, got ${horizon}`);
  }
  for (const level of levels) {
    if (!(level > 0 && level < 100))
      throw new RangeError(`${name}: request.levels must lie in (0, 100), got ${level}`);
  }
  for (const period of seasons) {
    if (!(Number.isFinite(period) && period > 0)) {
      throw new RangeError(`${name}: request.seasons must be positive numbers, got ${period}`);
    }
  }
}
