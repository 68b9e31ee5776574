/** STL's parameters (Cleveland et al. 1990, section 3); every one but the period has R's stl() default. */
export interface StlOptions {
  /** The seasonal period in steps, an integer >= 2 (n_p). */
  readonly period: number;
  /**
   * Span of the cycle-subseries smoother in periods (n_s), odd and >= 7 as the paper advises; an even
   * value is raised to the next odd one. "periodic" makes the seasonal component the same every period.
   * Default 7.
   */
  readonly seasonalWindow?: number | "periodic";
  /** Degree of the cycle-subseries smoother, 0 (default, as R) or 1. */
  readonly seasonalDegree?: 0 | 1;
  /** Span of the trend smoother (n_t); default the paper's nextodd(ceil(1.5 n_p / (1 - 1.5 / n_s))). */
  readonly trendWindow?: number;
  /** Degree of the trend smoother, 0 or 1 (default). */
  readonly trendDegree?: 0 | 1;
  /** Span of the low-pass filter's loess (n_l); default nextodd(n_p). */
  readonly lowPassWindow?: number;
  /** Degree of the low-pass filter's loess; default the trend's. */
  readonly lowPassDegree?: 0 | 1;
  /** Jumps of the three smoothers (section 3.4); default each window / 10, rounded up. */
  readonly seasonalJump?: number;
  readonly trendJump?: number;
  readonly lowPassJump?: number;
  /** Robust fitting: outer iterations with bisquare weights against outliers. Default false. */
  readonly robust?: boolean;
  /** Passes of the inner loop (n_i); default 2, or 1 when robust. */
  readonly innerIterations?: number;
  /** Robustness iterations (n_o); default 0, or 15 when robust. */
  readonly outerIterations?: number;
}

/** STL's parameters with every default filled in and every window odd and at least 3. */
export interface StlParameters {
  readonly period: number;
  readonly periodic: boolean;
  readonly seasonalWindow: number;
  readonly seasonalDegree: number;
  readonly trendWindow: number;
  readonly trendDegree: number;
  readonly lowPassWindow: number;
  readonly lowPassDegree: number;
  readonly seasonalJump: number;
  readonly trendJump: number;
  readonly lowPassJump: number;
  readonly innerIterations: number;
  readonly outerIterations: number;
}

/** Rounds to the nearest integer, then up to the next odd one (R's nextodd). */
function nextOdd(x: number): number {
  const rounded = Math.round(x);
  return rounded % 2 === 0 ? rounded + 1 : rounded;
}

/** The window STL actually uses: at least 3, and odd so that it centres on its point. */
function oddWindow(window: number): number {
  const atLeastThree = Math.max(3, window);
  return atLeastThree % 2 === 0 ? atLeastThree + 1 : atLeastThree;
}

function integerAtLeast(value: number | undefined, minimum: number, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
    throw new RangeError(`${name} must be an integer >= ${minimum}, got ${value}`);
  }
}

function degree(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (value !== 0 && value !== 1) throw new RangeError(`${name} must be 0 or 1, got ${value}`);
  return value;
}

/**
 * Resolves STL's options for a series of `length` points into its full parameters, with R's stl()
 * defaults (which are the paper's), and checks them: the series must span more than two periods.
 *
 * @example stlParameters({ period: 12 }, 120).trendWindow // 23
 */
export function stlParameters(options: StlOptions, length: number): StlParameters {
  const { period, seasonalWindow = 7, robust = false } = options;
  if (!Number.isInteger(period) || period < 2)
    throw new RangeError(`period must be an integer >= 2, got ${period}`);
  if (length <= 2 * period) {
    throw new RangeError(
      `y must span more than two periods (${2 * period} points) for period ${period}, got ${length}`,
    );
  }
  const periodic = seasonalWindow === "periodic";
  if (!periodic && (!Number.isInteger(seasonalWindow) || seasonalWindow < 3)) {
    throw new RangeError(`seasonalWindow must be an integer >= 3 or "periodic", got ${seasonalWindow}`);
  }
  integerAtLeast(options.trendWindow, 3, "trendWindow");
  integerAtLeast(options.lowPassWindow, 3, "lowPassWindow");
  integerAtLeast(options.seasonalJump, 1, "seasonalJump");
  integerAtLeast(options.trendJump, 1, "trendJump");
  integerAtLeast(options.lowPassJump, 1, "lowPassJump");
  integerAtLeast(options.innerIterations, 1, "innerIterations");
  integerAtLeast(options.outerIterations, 0, "outerIterations");
  // A periodic season is a subseries smoother wider than the series with local means (R's stl).
  const seasonal = periodic ? 10 * length + 1 : seasonalWindow;
  const trendDegree = degree(options.trendDegree, 1, "trendDegree");
  const trend = options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / seasonal)));
  const lowPass = options.lowPassWindow ?? nextOdd(period);
  return {
    period,
    periodic,
    seasonalWindow: oddWindow(seasonal),
    seasonalDegree: periodic ? 0 : degree(options.seasonalDegree, 0, "seasonalDegree"),
    trendWindow: oddWindow(trend),
    trendDegree,
    lowPassWindow: oddWindow(lowPass),
    lowPassDegree: degree(options.lowPassDegree, trendDegree, "lowPassDegree"),
    seasonalJump: options.seasonalJump ?? Math.ceil(seasonal / 10),
    trendJump: options.trendJump ?? Math.ceil(trend / 10),
    lowPassJump: options.lowPassJump ?? Math.ceil(lowPass / 10),
    innerIterations: options.innerIterations ?? (robust ? 1 : 2),
    outerIterations: options.outerIterations ?? (robust ? 15 : 0),
  };
}
