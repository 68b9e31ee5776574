import type { LongSeries } from "../series/read-long-format.js";
import { addSteps, type TimeGrid } from "../series/time-grid.js";
import type { SeriesForecast } from "../series/write-forecast-csv.js";
import { type PoolOptions, runPool } from "./worker-pool.js";

/** What a forecast task module's `runTask(input, shared)` receives for one series. */
export interface ForecastTaskInput {
  /** The series, oldest first; NaN where missing. */
  readonly values: Float64Array;
  /** Its unique_id, grid and first time: what calendar regressors need; absent in bare runs. */
  readonly id?: string;
  readonly grid?: TimeGrid;
  readonly start?: number;
}

/** What a forecast task module's `runTask` returns for one series. */
export interface ForecastTaskOutput {
  readonly mean: Float64Array;
  /** One array per level, in the order of the levels in the shared settings. */
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
  /** The output's model column, e.g. "ets" or "ETS(A,N,A)". */
  readonly model: string;
  /** Quantile forecasts, one array per requested probability; absent when none were asked. */
  readonly quantiles?: readonly Float64Array[];
  /** What the caller should know about this series (gaps imputed, fallbacks); empty when nothing. */
  readonly warnings?: readonly string[];
}

/**
 * Forecasts every series with a task module on worker threads (see runPool) and returns forecasts the
 * long-format writer takes, each starting one grid step after its series' last point. The series' values
 * are moved to the workers: their arrays are empty afterwards.
 *
 * @param shared the settings every task receives (horizon, levels, seasons, model), passed to each worker once
 * @example
 * const series = await readLongFormat("in.csv", "daily");
 * const forecasts = await forecastLongSeries(new URL("./forecast-task.js", import.meta.url), series, settings);
 * await writeForecastCsv("out.csv", settings.levels, forecasts);
 */
export async function forecastLongSeries<S>(
  taskModule: URL,
  series: readonly LongSeries[],
  shared: S,
  options: Omit<PoolOptions<S>, "shared"> = {},
): Promise<(SeriesForecast & { warnings: readonly string[] })[]> {
  // Where each forecast starts, taken before the values move to the workers.
  const starts = series.map((s) => addSteps(s.grid, s.start, s.values.length));
  // A buffer moves only when one series' values span it all, and only once.
  const moved = new Set<ArrayBufferLike>();
  const tasks = series.map((s) => {
    const { buffer } = s.values;
    const movable =
      buffer instanceof ArrayBuffer && s.values.byteLength === buffer.byteLength && !moved.has(buffer);
    if (movable) moved.add(buffer);
    return {
      id: s.id,
      input: { values: s.values, id: s.id, grid: s.grid, start: s.start } satisfies ForecastTaskInput,
      transfer: movable ? [buffer] : [],
    };
  });
  const outputs = await runPool<ForecastTaskInput, S, ForecastTaskOutput>(taskModule, tasks, {
    ...options,
    shared,
  });
  return outputs.map((output, i) => ({
    id: series[i].id,
    grid: series[i].grid,
    start: starts[i],
    mean: output.mean,
    lower: output.lower,
    upper: output.upper,
    model: output.model,
    quantiles: output.quantiles,
    warnings: output.warnings ?? [],
  }));
}
