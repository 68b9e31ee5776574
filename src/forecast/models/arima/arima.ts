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

function sameValues(a: Float64Array, b: Float64Array, length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let t = 0; t < length; t++) if (a[t] !== b[t]) return false;
  return true;
}

/** Refits the orders of a fit made on a longer series on `head`. */
type RefitOrders = (head: Float64Array, xreg: Float64Array[], full: ArimaFit) => ArimaFit;

function forecaster(
  name: string,
  fitOn: (y: Float64Array, period: number, xreg: Float64Array[]) => ArimaFit,
  refitOrders?: RefitOrders,
): Forecaster {
  // The last whole-series fit of a model that searches its orders, so that forecast() after
  // forecastOrigins() on the same series (as calibration does) reuses it instead of searching again.
  let last: { y: Float64Array; period: number; xreg: Float64Array[]; fit: ArimaFit } | null = null;
  const fitWhole = (y: Float64Array, period: number, xreg: Float64Array[]): ArimaFit => {
    if (refitOrders === undefined) return fitOn(y, period, xreg);
    const n = y.length;
    if (
      last !== null &&
      last.period === period &&
      last.y.length === n &&
      sameValues(last.y, y, n) &&
      last.xreg.length === xreg.length &&
      xreg.every((column, j) => sameValues(column, (last as { xreg: Float64Array[] }).xreg[j], n))
    ) {
      return last.fit;
    }
    const fit = fitOn(y, period, xreg);
    last = { y: y.slice(), period, xreg: xreg.map((column) => column.slice(0, n)), fit };
    return fit;
  };
  return {
    name,
    forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
      const prepared = prepare(name, y, request);
      if (isConstant(y)) return constantResult(y, request);
      const fit = fitWhole(y, prepared.plan.period, prepared.xreg);
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
      const { period } = prepared.plan;
      let fit: ArimaFit | null = null;
      if (refitOrders !== undefined) {
        // The orders chosen on the whole series, their coefficients refitted on the head; a search on the
        // head only when they cannot be fitted there.
        try {
          fit = refitOrders(head, prepared.xreg, fitWhole(y, period, prepared.xreg));
        } catch {
          fit = null;
        }
      }
      fit ??= fitOn(head, period, prepared.xreg);
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
 * `forecastOrigins` (the cross-validation of conformal calibration) searches the orders on the whole
 * series once and refits only their coefficients on the history before the first origin (a search there
 * only when those orders cannot be fitted); the whole-series fit is kept, so a `forecast` of the same
 * series (same values, period and regressors) that follows reuses it. The calibration errors then carry
 * the coefficients' estimation error but not the order search's, and the folds are forecast by the model
 * form that is being calibrated.
 *
 * @example autoArimaForecaster().forecast(y, { horizon: 24, levels: [80, 95], seasons: [24, 168] }).description
 */
export function autoArimaForecaster(options: AutoArimaOptions = {}): Forecaster {
  return forecaster(
    "arima",
    (y, period, xreg) => autoArima(y, period, xreg, options).fit,
    (head, xreg, full) =>
      fitArima(
        head,
        {
          order: full.order,
          includeMean: full.terms.intercept,
          includeDrift: full.terms.drift,
          method: full.method,
          // Calibration folds need not follow R's optimisation path.
          exactCssGradient: true,
          exactLikelihoodGradient: true,
        },
        xreg,
      ),
  );
}
