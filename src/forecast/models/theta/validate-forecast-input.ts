import type { ForecastRequest } from "../../forecaster.js";

/**
 * Throws a clear error, naming the parameter, unless `y` is a non-empty series of finite numbers and
 * `request` asks for a whole horizon >= 1, levels strictly between 0 and 100 and whole seasons >= 1.
 *
 * @example validateForecastInput(new Float64Array([1, 2]), { horizon: 3, levels: [80], seasons: [] })
 */
export function validateForecastInput(y: Float64Array, request: ForecastRequest): void {
  if (!(y instanceof Float64Array)) throw new TypeError("y must be a Float64Array");
  if (y.length === 0) throw new RangeError("y must not be empty");
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t])) throw new RangeError(`y[${t}] must be finite, got ${y[t]}`);
  }
  const { horizon, levels, seasons } = request;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new RangeError(`request.horizon must be a whole number >= 1, got ${horizon}`);
  }
  levels.forEach((level, i) => {
    if (!(level > 0 && level < 100)) {
      throw new RangeError(`request.levels[${i}] must be strictly between 0 and 100, got ${level}`);
    }
  });
  seasons.forEach((season, i) => {
    if (!Number.isInteger(season) || season < 1) {
      throw new RangeError(`request.seasons[${i}] must be a whole number >= 1, got ${season}`);
    }
  });
}

/**
 * Throws unless `origins` are whole, ascending, at least 1 and at most `length`.
 * @example validateOrigins([10, 11, 12], 20)
 */
export function validateOrigins(origins: readonly number[], length: number): void {
  origins.forEach((origin, i) => {
    if (!Number.isInteger(origin) || origin < 1 || origin > length) {
      throw new RangeError(`origins[${i}] must be a whole number in [1, ${length}], got ${origin}`);
    }
    if (i > 0 && origin < origins[i - 1]) {
      throw new RangeError(`origins must be ascending, but origins[${i}] = ${origin} < ${origins[i - 1]}`);
    }
  });
}
