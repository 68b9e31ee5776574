import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { validateFinite, validateRequest, validateXreg } from "../../validate-request.js";
import { type ArimaOrder, checkOrder } from "./arima-order.js";
import { type AutoArimaOptions, autoArima } from "./auto-arima.js";
import { type ArimaFit, type ArimaMethod, fitArima } from "./fit-arima.js";
import { forecastArima } from "./forecast-arima.js";
import { forecastArimaOrigins } from "./forecast-arima-origins.js";
import { planRegressors, type SeasonalPlan, seasonalPlan } from "./seasonal-plan.js";

/** A fixed ARIMA model for {@link arima}: orders default to 0 and the period to the request's. */
export interface FixedArimaSpec {
  readonly order?: Partial<ArimaOrder>;
  readonly includeMean?: boolean;
  readonly includeDrift?: boolean;
  readonly method?: ArimaMethod;
}

interface Prepared {
  readonly plan: SeasonalPlan;
  /** User regressors then Fourier terms, covering y.length + horizon. */
  readonly xreg: Float64Array[];
}

function prepare(name: string, y: Float64Array, request: ForecastRequest): Prepared {
  validateRequest(request);
  validateFinite(y);
  validateXreg(request, y.length);
  if (y.length < 3) throw new RangeError(`y: ${name} needs at least 3 observations, got ${y.length}`);
  const plan = seasonalPlan(request.seasons, y.length);
  const xreg = [...(request.xreg ?? []), ...planRegressors(plan, y.length + request.horizon)];
  return { plan, xreg };
}

function isConstant(y: Float64Array): boolean {
  for (let t = 1; t < y.length; t++) if (y[t] !== y[0]) return false;
  return true;
}

function describe(fit: ArimaFit, plan: SeasonalPlan): string {
  const fourier = plan.fourier.map((f) => ` + Fourier(${f.period}, K=${f.harmonics})`).join("");
  return fit.description + fourier;
}

function resultOf(
  y: Float64Array,
  request: ForecastRequest,
  fit: ArimaFit,
  prepared: Prepared,
): ForecastResult {
  const { mean, lower, upper } = forecastArima(fit, y.length, request.horizon, request.levels, prepared.xreg);
  const fitted = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) fitted[t] = y[t] - fit.residuals[t];
  return { mean, lower, upper, fitted, description: describe(fit, prepared.plan) };
}

/** A constant series: R's auto.arima returns its mean with zero-width intervals. */
function constantResult(y: Float64Array, request: ForecastRequest): ForecastResult {
  const mean = new Float64Array(request.horizon).fill(y[0]);
  return {
    mean,
    lower: request.levels.map(() => mean.slice()),
    upper: request.levels.map(() => mean.slice()),
    fitted: new Float64Array(y.length).fill(y[0]),
    description: "ARIMA(0,0,0) with non-zero mean",
  };
}

function forecaster(
  name: string,
  fitOn: (y: Float64Array, period: number, xreg: Float64Array[]) => ArimaFit,
): Forecaster {
  return {
    name,
    forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
      const prepared = prepare(name, y, request);
      if (isConstant(y)) return constantResult(y, request);
      const fit = fitOn(y, prepared.plan.period, prepared.xreg);
      return resultOf(y, request, fit, prepared);
    },
    forecastOrigins(y: Float64Array, origins: readonly number[], request: ForecastRequest): Float64Array[] {
      const prepared = prepare(name, y, request);
      if (origins.length === 0) return [];
      const first = origins[0];
      if (!(Number.isInteger(first) && first >= 3 && first <= y.length)) {
        throw new RangeError(`origins[0] must be a whole number in [3, ${y.length}], got ${first}`);
      }
      const head = y.subarray(0, first);
      if (isConstant(head)) return origins.map(() => new Float64Array(request.horizon).fill(head[0]));
      const fit = fitOn(head, prepared.plan.period, prepared.xreg);
      return forecastArimaOrigins(fit, y, origins, request.horizon, prepared.xreg);
    },
  };
}

/**
 * ARIMA with fixed orders (see `fitArima`), fitted by CSS-ML as R's forecast::Arima. Orders left out are
 * 0 and the period defaults to the SARIMA period of the request (its longest season up to 24; longer
 * seasons enter as Fourier regressors, see `seasonalPlan`). `request.xreg` columns are regressors.
 *
 * @example
 * arima({ order: { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1 } }).forecast(y, { horizon: 12, levels: [95], seasons: [12] })
 */
export function arima(spec: FixedArimaSpec = {}): Forecaster {
  const given = spec.order ?? {};
  const probe = { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, period: 2, ...given };
  checkOrder(probe);
  return forecaster("arima", (y, period, xreg) => {
    const order = { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, period, ...given };
    checkOrder(order);
    return fitArima(
      y,
      { order, includeMean: spec.includeMean, includeDrift: spec.includeDrift, method: spec.method },
      xreg,
    );
  });
}

/**
 * AutoARIMA (see `autoArima`) as a forecaster: the SARIMA period is the request's longest season up to
 * 24, longer seasons are Fourier regressors, `request.xreg` columns are regressors, and d and D come from
 * `options` (or its `chooseDifferences`). A constant series gets its value with zero-width intervals.
 *
 * @example autoArimaForecaster().forecast(y, { horizon: 24, levels: [80, 95], seasons: [24, 168] }).description
 */
export function autoArimaForecaster(options: AutoArimaOptions = {}): Forecaster {
  return forecaster("arima", (y, period, xreg) => autoArima(y, period, xreg, options).fit);
}
