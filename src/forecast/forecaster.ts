/**
 * The contract every forecasting model in avails meets.
 *
 * A model is a pure function of a series: it fits on `y` (finite values only; the caller imputes gaps
 * first) and returns point forecasts and prediction intervals for the next `horizon` steps. Models keep
 * no state between calls, so the same function serves cross-validation folds and worker threads.
 */

/** What a model is asked for. */
export interface ForecastRequest {
  /** Steps ahead to forecast (>= 1). */
  readonly horizon: number;
  /** Coverage levels in percent, e.g. [80, 95]; each strictly between 0 and 100. */
  readonly levels: readonly number[];
  /** Seasonal periods in steps, ascending, e.g. [24, 168] for hourly data or [7] for daily; [] for none. */
  readonly seasons: readonly number[];
  /**
   * Exogenous regressors (calendar events, promotions), optional: one column per regressor covering the
   * observations and the horizon, `xreg[i][t]` for t in [0, y.length + horizon). Models that take
   * regressors (ARIMA, event adjustments) read them; the others ignore them. Cross-validation cuts the
   * columns with the series: the fold at origin t sees `xreg[i].subarray(0, t + horizon)`.
   */
  readonly xreg?: readonly Float64Array[];
}

/** A model's forecast of one series. */
export interface ForecastResult {
  /** Point forecasts (the mean of the predictive distribution), length `horizon`. */
  readonly mean: Float64Array;
  /** Lower bounds, one array of length `horizon` per requested level, in the order of `levels`. */
  readonly lower: readonly Float64Array[];
  /** Upper bounds, as `lower`. */
  readonly upper: readonly Float64Array[];
  /**
   * In-sample one-step-ahead fitted values, same length as the input; NaN where the model has none
   * (e.g. the first season of a seasonal naive model).
   */
  readonly fitted: Float64Array;
  /** What was actually fitted, e.g. "ETS(M,Ad,M)" or "SeasonalNaive(168)". */
  readonly description: string;
}

/** A forecasting model: a name and a pure fit-and-forecast function. */
export interface Forecaster {
  /** Stable short name used on the CLI and in the output `model` column, e.g. "ets", "snaive". */
  readonly name: string;
  /**
   * The model this one is a variant of, for a twin that fits another model on transformed data ("theta" for
   * "theta (log)"); its own name when absent. `auto` shrinks its pool's weights towards an equal share per
   * family, so that a model's twins do not outvote the other models.
   */
  readonly family?: string;
  /**
   * Fits the model to `y` and forecasts.
   * @param y observations, oldest first; finite numbers only
   * @param request horizon, interval levels and seasonal periods
   */
  forecast(y: Float64Array, request: ForecastRequest): ForecastResult;
  /**
   * Optional fast path for cross-validation (statsforecast's `refit=False`): fits the parameters once on
   * `y[0, origins[0])`, then, keeping them fixed, runs the model's filter forward over the data and returns
   * the point forecasts of `request.horizon` steps made at each origin (the forecast made at origin `t` uses
   * `y[0, t)` only and predicts `y[t], ..., y[t + horizon - 1]`). Origins are ascending and at most
   * `y.length`. Cross-validation refits at every origin for models without it.
   *
   * `fits` (default 1) asks for that many fits instead of one (statsforecast's `refit` every k windows): the
   * origins are cut into `fits` runs of consecutive origins (`originGroups`), and each run is served by a
   * fit on the data before its first origin, so that later origins are forecast by parameters that saw
   * nearly as much data as the final fit will. A model may keep the structure it chose at the first fit
   * (ETS its form) and re-estimate only the parameters; models with nothing to estimate ignore `fits`.
   */
  forecastOrigins?(
    y: Float64Array,
    origins: readonly number[],
    request: ForecastRequest,
    fits?: number,
  ): Float64Array[];
  /**
   * Optional, for automatic selection: `forecastOrigins`, and with it `final`, the forecast from the end of
   * `y` for a request of the same seasons, made only when called (selection needs it for the candidates it
   * keeps only) and free to reuse what the folds' fits found: AutoETS chooses among the forms its last fold
   * search found close instead of searching every form again. The returned function holds that state; the
   * model itself keeps none between calls.
   */
  forecastOriginsThenFinal?(
    y: Float64Array,
    origins: readonly number[],
    request: ForecastRequest,
    fits?: number,
  ): FoldsThenFinal;
}

/** What `Forecaster.forecastOriginsThenFinal` returns. */
export interface FoldsThenFinal {
  /** The point forecasts made at each origin, as `forecastOrigins` returns them. */
  readonly means: Float64Array[];
  /** The forecast from the end of the series, with the levels and horizon of `request`. */
  readonly final: (request: ForecastRequest) => ForecastResult;
}
