import { type EventEffectOptions, eventEffects } from "./event-effects.js";
import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";
import { validateFinite, validateXreg } from "./validate-request.js";

/** The longest comparison period of the event baseline: a week of hours. */
const MAX_BASELINE_PERIOD = 168;

/** The baseline period for a request: its longest season of at most a week of hours, else 1. */
function baselinePeriod(request: ForecastRequest, options: EventEffectOptions): number {
  if (options.period !== undefined) return options.period;
  let period = 1;
  for (const season of request.seasons) if (season <= MAX_BASELINE_PERIOD) period = Math.max(period, season);
  return period;
}

/**
 * The product of each column's effect to the power of its value, at every point of the columns:
 * exp(sum_i x_i[t] log e_i).
 */
function adjustment(xreg: readonly Float64Array[], effects: Float64Array, length: number): Float64Array {
  const logAdjust = new Float64Array(length);
  for (let i = 0; i < xreg.length; i++) {
    const logEffect = Math.log(effects[i]);
    if (logEffect === 0) continue;
    const column = xreg[i];
    for (let t = 0; t < length; t++) logAdjust[t] += column[t] * logEffect;
  }
  for (let t = 0; t < length; t++) logAdjust[t] = Math.exp(logAdjust[t]);
  return logAdjust;
}

function withoutXreg(request: ForecastRequest): ForecastRequest {
  return { horizon: request.horizon, levels: request.levels, seasons: request.seasons };
}

function scaleForecast(values: Float64Array, factors: Float64Array, offset: number): Float64Array {
  const scaled = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) scaled[j] = values[j] * factors[offset + j];
  return scaled;
}

function formatEffects(effects: Float64Array): string {
  return Array.from(effects, (e) => `x${e.toFixed(2)}`).join(", ");
}

/**
 * Calendar events for any model: learns each regressor column's multiplicative effect from the history
 * (eventEffects: the ratio of the event days to an event-free baseline of the same weekday and hour in the
 * surrounding weeks, shrunk towards 1 when the event was seen few times or the data are noisy), divides the
 * effects out of the history, fits `model` on the event-free series, and multiplies the effects back into
 * the forecast, its bounds and the fitted values wherever the columns are 1 (e^x in general). The columns
 * are 0/1 indicators as eventRegressors builds them; they are not passed on to `model`. The bounds are
 * the model's, scaled: the uncertainty of the effects themselves is not added.
 *
 * A request without `xreg` (or with no columns) is passed to `model` unchanged, so the result is exactly
 * the model's. Series with a negative value are left unadjusted (a multiplicative effect is undefined).
 *
 * @example
 * const model = eventAdjusted(autoEts);
 * model.forecast(y, { horizon: 14, levels: [80], seasons: [7], xreg: eventRegressors(events, span).xreg });
 */
export function eventAdjusted(model: Forecaster, options: EventEffectOptions = {}): Forecaster {
  const forecast = (y: Float64Array, request: ForecastRequest): ForecastResult => {
    const xreg = request.xreg;
    if (xreg === undefined || xreg.length === 0) return model.forecast(y, request);
    validateFinite(y);
    validateXreg(request, y.length);
    const n = y.length;
    const { effects } = eventEffects(y, xreg, { ...options, period: baselinePeriod(request, options) });
    const factors = adjustment(xreg, effects, n + request.horizon);
    const adjusted = new Float64Array(n);
    for (let t = 0; t < n; t++) adjusted[t] = y[t] / factors[t];
    const inner = model.forecast(adjusted, withoutXreg(request));
    return {
      mean: scaleForecast(inner.mean, factors, n),
      lower: inner.lower.map((bound) => scaleForecast(bound, factors, n)),
      upper: inner.upper.map((bound) => scaleForecast(bound, factors, n)),
      fitted: scaleForecast(inner.fitted, factors, 0),
      description: `${inner.description} with events (${formatEffects(effects)})`,
    };
  };
  const innerOrigins = model.forecastOrigins;
  if (innerOrigins === undefined) return { name: model.name, forecast };
  return {
    name: model.name,
    forecast,
    // The effects are learned once, on y[0, origins[0]), as the model's parameters are.
    forecastOrigins(y, origins, request) {
      const xreg = request.xreg;
      if (xreg === undefined || xreg.length === 0) return innerOrigins.call(model, y, origins, request);
      validateFinite(y);
      validateXreg(request, y.length);
      const first = origins[0] ?? y.length;
      const history = y.subarray(0, first);
      const period = baselinePeriod(request, options);
      const { effects } = eventEffects(history, xreg, { ...options, period });
      const factors = adjustment(xreg, effects, y.length + request.horizon);
      const adjusted = new Float64Array(y.length);
      for (let t = 0; t < y.length; t++) adjusted[t] = y[t] / factors[t];
      const means = innerOrigins.call(model, adjusted, origins, withoutXreg(request));
      return means.map((mean, k) => scaleForecast(mean, factors, origins[k]));
    },
  };
}
