/**
 * Scratch space for STL on series of up to `length` points and periods from `smallestPeriod` to
 * `period`, allocated once per decomposition and shared by every STL pass of MSTL.
 */
export interface StlWorkspace {
  readonly length: number;
  readonly period: number;
  readonly smallestPeriod: number;
  /** y minus the trend, then the fitted values for the robustness weights. */
  readonly detrended: Float64Array;
  /** The smoothed cycle-subseries C, one period longer at each end: length + 2 * period. */
  readonly cycle: Float64Array;
  /** Moving-average stages of the low-pass filter, length + 2 * period each. */
  readonly average: Float64Array;
  readonly averageTwice: Float64Array;
  /** The low-pass filter's output L. */
  readonly lowPass: Float64Array;
  /** y minus the seasonal component, the trend smoother's input. */
  readonly deseasonalised: Float64Array;
  /** One cycle-subseries, its robustness weights, and its smoothed values with one extra at each end. */
  readonly subseries: Float64Array;
  readonly subseriesRobustness: Float64Array;
  readonly subseriesSmooth: Float64Array;
  /** Tricube weights of a centred loess neighbourhood, tabulated once per smoothing pass. */
  readonly kernel: Float64Array;
  /** Robustness weights, all 1 until a robustness iteration sets them. */
  readonly robustness: Float64Array;
}

/**
 * Allocates STL's scratch space for series of up to `length` points and periods from `smallestPeriod`
 * (which sets the longest cycle-subseries) up to `period` (which sets the extended cycle's length).
 * @example createStlWorkspace(4000, 168, 24)
 */
export function createStlWorkspace(length: number, period: number, smallestPeriod = period): StlWorkspace {
  const extended = length + 2 * period;
  const subseries = Math.ceil(length / smallestPeriod) + 2;
  return {
    length,
    period,
    smallestPeriod,
    detrended: new Float64Array(length),
    cycle: new Float64Array(extended),
    average: new Float64Array(extended),
    averageTwice: new Float64Array(extended),
    lowPass: new Float64Array(length),
    deseasonalised: new Float64Array(length),
    subseries: new Float64Array(subseries),
    subseriesRobustness: new Float64Array(subseries),
    subseriesSmooth: new Float64Array(subseries),
    kernel: new Float64Array(length + 1),
    robustness: new Float64Array(length).fill(1),
  };
}
