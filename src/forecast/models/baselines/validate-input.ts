import type { ForecastRequest } from "../../forecaster.js";

/**
 * Throws unless `y` is a non-empty series of finite numbers. Models fit on finite values only (the caller
 * imputes gaps first), so a NaN here is a bug upstream and is named rather than propagated.
 *
 * @example assertSeries(new Float64Array([1, 2, 3])) // passes
 */
export function assertSeries(y: Float64Array, name = "y"): void {
  if (!(y instanceof Float64Array)) throw new TypeError(`${name} must be a Float64Array`);
  if (y.length === 0) throw new RangeError(`${name} must hold at least one observation`);
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t])) {
      throw new RangeError(`${name}[${t}] is ${y[t]}; models need finite values (impute gaps first)`);
    }
  }
}

/**
 * Throws unless the request is well formed: an integer horizon >= 1, levels strictly between 0 and 100,
 * and seasonal periods that are integers >= 1.
 *
 * @example assertRequest({ horizon: 24, levels: [80, 95], seasons: [24, 168] }) // passes
 */
export function assertRequest(request: ForecastRequest): void {
  const { horizon, levels, seasons } = request;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new RangeError(`request.horizon must be an integer >= 1, got ${horizon}`);
  }
  for (const level of levels) {
    if (!(level > 0 && level < 100)) {
      throw new RangeError(`request.levels must lie strictly between 0 and 100, got ${level}`);
    }
  }
  for (const season of seasons) {
    if (!Number.isInteger(season) || season < 1) {
      throw new RangeError(`request.seasons must be integers >= 1, got ${season}`);
    }
  }
}

/**
 * Throws unless `origins` are integers in [1, length], in ascending order: each forecast origin needs at
 * least one observation before it.
 *
 * @example assertOrigins([100, 124, 148], 200) // passes
 */
export function assertOrigins(origins: readonly number[], length: number): void {
  let previous = 1;
  for (let i = 0; i < origins.length; i++) {
    const origin = origins[i];
    if (!Number.isInteger(origin) || origin < previous || origin > length) {
      throw new RangeError(
        `origins must be ascending integers in [1, ${length}], got origins[${i}] = ${origin}`,
      );
    }
    previous = origin;
  }
}
