import { type EventEffectOptions, eventEffects } from "./event-effects.js";
import { isReportingForecaster, type ReportingForecaster } from "./forecast-report.js";
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
 * A model that reports (`forecastWithReport`, as the automatic model) keeps reporting: it selects and
 * calibrates its conformal intervals on the adjusted history, and the bounds are scaled back likewise.
 * A request without `xreg` (or with no columns) is passed to `model` unchanged, so the result is exactly
 * the model's. Series with a negative value are left unadjusted (a multiplicative effect is undefined).
 *
 * @example
 * const model = eventAdjusted(autoEts);
 * model.forecast(y, { horizon: 14, levels: [80], seasons: [7], xreg: eventRegressors(events, span).xreg });
 */
export function eventAdjusted(model: Forecaster, options: EventEffectOptions = {}): Forecaster {
  /** The learned effects, their factor at every point of history and horizon, and the adjusted history. */
  const adjust = (y: Float64Array, request: ForecastRequest & { xreg: readonly Float64Array[] }) => {
    validateFinite(y);
    validateXreg(request, y.length);
    const n = y.length;
    const { effects } = eventEffects(y, request.xreg, {
      ...options,
      period: baselinePeriod(request, options),
    });
    const factors = adjustment(request.xreg, effects, n + request.horizon);
    const adjusted = new Float64Array(n);
    for (let t = 0; t < n; t++) adjusted[t] = y[t] / factors[t];
    return { effects, factors, adjusted };
  };
  const restore = (inner: ForecastResult, factors: Float64Array, effects: Float64Array, n: number) => ({
    mean: scaleForecast(inner.mean, factors, n),
    lower: inner.lower.map((bound) => scaleForecast(bound, factors, n)),
    upper: inner.upper.map((bound) => scaleForecast(bound, factors, n)),
    fitted: scaleForecast(inner.fitted, factors, 0),
    description: `${inner.description} with events (${formatEffects(effects)})`,
  });
  const hasXreg = (
    request: ForecastRequest,
  ): request is ForecastRequest & { xreg: readonly Float64Array[] } =>
    request.xreg !== undefined && request.xreg.length > 0;
  const forecast = (y: Float64Array, request: ForecastRequest): ForecastResult => {
    if (!hasXreg(request)) return model.forecast(y, request);
    const { effects, factors, adjusted } = adjust(y, request);
    return restore(model.forecast(adjusted, withoutXreg(request)), factors, effects, y.length);
  };
  if (isReportingForecaster(model)) {
    // A model that calibrates its own intervals (the automatic one) does so on the adjusted history; its
    // conformal bounds are scaled back with the forecast.
    const reporting: ReportingForecaster = {
      name: model.name,
      forecast,
      forecastWithReport(y, request, report) {
        if (!hasXreg(request)) return model.forecastWithReport(y, request, report);
        const { effects, factors, adjusted } = adjust(y, request);
        const inner = model.forecastWithReport(adjusted, withoutXreg(request), report);
        return { ...inner, result: restore(inner.result, factors, effects, y.length) };
      },
    };
    return reporting;
  }
  const innerOrigins = model.forecastOrigins;
  if (innerOrigins === undefined) return { name: model.name, forecast };
  return {
    name: model.name,
    forecast,
    // The effects are learned once, on y[0, origins[0]); the model may refit its own parameters (`fits`).
    forecastOrigins(y, origins, request, fits) {
      const xreg = request.xreg;
      if (xreg === undefined || xreg.length === 0) return innerOrigins.call(model, y, origins, request, fits);
      validateFinite(y);
      validateXreg(request, y.length);
      const first = origins[0] ?? y.length;
      const history = y.subarray(0, first);
      const period = baselinePeriod(request, options);
      const { effects } = eventEffects(history, xreg, { ...options, period });
      const factors = adjustment(xreg, effects, y.length + request.horizon);
      const adjusted = new Float64Array(y.length);
      for (let t = 0; t < y.length; t++) adjusted[t] = y[t] / factors[t];
      const means = innerOrigins.call(model, adjusted, origins, withoutXreg(request), fits);
      return means.map((mean, k) => scaleForecast(mean, factors, origins[k]));
    },
  };
}
