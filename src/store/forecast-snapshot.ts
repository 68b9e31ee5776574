/**
 * What a forecast run said about its first hours and days, per series, kept in the store after the run's files
 * are pruned so that its accuracy can be scored when the actuals arrive. Columnar: row i is series
 * `keys[series[i]]` of level `levels[level[i]]` over `hours[i]` hours from `hour[i]` (1 for the hourly rows of
 * the first day, 24 for the daily rows after it).
 */
export interface ForecastSnapshot {
  readonly levels: readonly string[];
  readonly keys: readonly string[];
  readonly level: Int32Array;
  readonly series: Int32Array;
  /** Start of the row's span, epoch ms. */
  readonly hour: Float64Array;
  readonly hours: Int32Array;
  /** Hours from the run's first forecast hour to the row's start (its horizon step). */
  readonly step: Int32Array;
  readonly mean: Float64Array;
  readonly lo95: Float64Array;
  readonly lo80: Float64Array;
  readonly hi80: Float64Array;
  readonly hi95: Float64Array;
  /**
   * The series' in-sample seasonal naive MAE at the row's granularity (hourly season 24, daily season 7):
   * the MASE denominator (Hyndman & Koehler 2006). NaN when the history is too short.
   */
  readonly scale: Float64Array;
  /** Snapshot rows of spans starting before this instant (epoch ms) are deleted when this one is stored. */
  readonly keepFrom: number;
}
