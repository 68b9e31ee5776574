import type { Forecaster, ForecastRequest, ForecastResult } from "../forecaster.js";

/**
 * Whether every value is > 0 (and none NaN): the series a model on the log scale can take.
 *
 * @example allPositive(new Float64Array([3, 0.5])) // true
 * @example allPositive(new Float64Array([3, 0])) // false
 */
export function allPositive(y: Float64Array): boolean {
  for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) return false;
  return y.length > 0;
}

function logOf(y: Float64Array): Float64Array {
  const out = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) out[t] = Math.log(y[t]);
  return out;
}

function expOf(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let t = 0; t < x.length; t++) out[t] = Math.exp(x[t]);
  return out;
}

function refuse(name: string): never {
  throw new Error(`${name}: the log scale needs every value > 0`);
}

/**
 * A model fitted to log y and brought back with exp: the Box-Cox transform with lambda = 0, for series whose
 * swings grow with their level (a seasonal swing in proportion to traffic, growth by a rate rather than an
 * amount), where an additive model such as Theta or STL fits the logs better than the values. Bounds map
 * back exactly, exp being monotone. The point forecast is exp of the log-scale one, the median on the original
 * scale rather than the mean (as R's forecast with `lambda = 0` and its default `biasadj = FALSE`): the mean
 * would add exp(sigma^2 / 2), under 0.5% for a log-scale standard deviation under 0.1. Series with a value
 * <= 0 are refused, naming the model; `auto` offers these twins only for series above 0.
 *
 * @example
 * const logTheta = onLogScale(theta, "theta (log)");
 * logTheta.forecast(airPassengers, { horizon: 12, levels: [80, 95], seasons: [12] }).description // "log: Theta(OTM, seasonal 12)"
 */
export function onLogScale(model: Forecaster, name: string): Forecaster {
  const origins = model.forecastOrigins?.bind(model);
  return {
    name,
    family: model.family ?? model.name,
    forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
      if (!allPositive(y)) refuse(name);
      const result = model.forecast(logOf(y), request);
      return {
        mean: expOf(result.mean),
        lower: result.lower.map(expOf),
        upper: result.upper.map(expOf),
        fitted: expOf(result.fitted),
        description: `log: ${result.description}`,
      };
    },
    ...(origins === undefined
      ? {}
      : {
          forecastOrigins(y: Float64Array, at: readonly number[], request: ForecastRequest, fits?: number) {
            if (!allPositive(y)) refuse(name);
            return origins(logOf(y), at, request, fits).map(expOf);
          },
        }),
  };
}
