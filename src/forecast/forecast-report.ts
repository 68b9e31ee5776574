import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";

/** A forecast and what was done to make it. */
export interface ForecastReport {
  readonly result: ForecastResult;
  /** "conformal" when the intervals were calibrated on cross-validation errors, "model" when they are the model's own. */
  readonly intervals: "conformal" | "model";
  /** Plain sentences about anything the caller should know, e.g. why the intervals are the model's own. */
  readonly warnings: readonly string[];
}

/** Options of `forecastWithReport`. */
export interface ReportOptions {
  /** Calibrate the intervals by conformal prediction when the series is long enough; default true. */
  readonly conformal?: boolean;
}

/** A forecaster that can say how it forecast: conformal or model intervals, and any warnings. */
export interface ReportingForecaster extends Forecaster {
  forecastWithReport(y: Float64Array, request: ForecastRequest, options?: ReportOptions): ForecastReport;
}

/**
 * Whether `model` is a `ReportingForecaster` (e.g. from `conformalForecaster` or `autoForecaster`).
 *
 * @example
 * isReportingForecaster(conformalForecaster(model)); // true
 */
export function isReportingForecaster(model: Forecaster): model is ReportingForecaster {
  return typeof (model as Partial<ReportingForecaster>).forecastWithReport === "function";
}
