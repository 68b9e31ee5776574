import type { HierarchyHistory } from "../series/read-hierarchy.js";
import { coldStartParent, parseKey } from "./cold-start.js";
import type { HierarchyTaskInput, HierarchyTaskOutput, HierarchyTaskSettings } from "./hierarchy-task.js";
import { type PoolOptions, runPool } from "./worker-pool.js";

/** How to forecast a hierarchy. */
export interface HierarchyForecastOptions {
  /** Hours to forecast past the end of the history. */
  readonly horizon: number;
  readonly levels: readonly number[];
  /** A model name `resolveModel` knows; default "auto". */
  readonly model?: string;
  /** Series keys forecast with another model than `model` (drift alarms' fallbacks), key to model name. */
  readonly modelOf?: ReadonlyMap<string, string>;
  /** Hours of one-step residuals to keep per series; default 672 (four weeks). */
  readonly residualHours?: number;
  readonly pool?: Omit<PoolOptions<HierarchyTaskSettings>, "shared">;
}

/** One level's forecasts, row-major by key: `mean[k * horizon + t]`. */
export interface LevelForecast {
  readonly name: string;
  readonly dimensions: readonly string[];
  readonly keys: readonly string[];
  readonly mean: Float64Array;
  /** One keys × horizon array per interval level. */
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
  /** keys × residualHours one-step residuals, aligned in time across keys. */
  readonly residuals: Float64Array;
  /** keys × residualHours day-ahead errors over the same hours (see HierarchyTaskOutput). */
  readonly dayAheadErrors: Float64Array;
  /** The model of each key, e.g. "auto: theta", or "cold start from geo=SE". */
  readonly models: readonly string[];
  /** What each key's forecast should report (gaps, fallbacks, cold start). */
  readonly warnings: readonly (readonly string[])[];
}

/** Forecasts of every supply level before reconciliation. */
export interface HierarchyForecast {
  /** First forecast hour, epoch ms. */
  readonly start: number;
  readonly horizon: number;
  readonly residualHours: number;
  readonly levels: readonly LevelForecast[];
  /** Keys with too little history, and the parent whose shape they borrowed. */
  readonly coldStarts: readonly { readonly key: string; readonly from: string }[];
}

/** Hours of history a key needs to be forecast on its own: two weekly cycles. */
export const MIN_OWN_HISTORY_HOURS = 336;

const HOUR = 3_600_000;

// The task module beside this one: hierarchy-task.js when built, .ts from sources (which runs in-thread).
const TASK_MODULE = new URL(
  `./hierarchy-task${import.meta.url.slice(import.meta.url.lastIndexOf("."))}`,
  import.meta.url,
);

/**
 * Forecasts every key of every supply level on worker threads (auto model, seasons 24 and 168, conformal
 * intervals), keeping each series' recent one-step residuals for reconciliation. A key with less than
 * `MIN_OWN_HISTORY_HOURS` since its first non-zero hour (a new market, device or segment) is not fitted when
 * a coarser node that contains it has the history (`coldStartParent`): it borrows that node's forecast,
 * scaled by its share of the node over the hours it has, and says so in its model and warnings.
 *
 * @example
 * const forecast = await forecastHierarchy(history, { horizon: 840, levels: [80, 95] });
 * forecast.levels[0].mean; // the total's hourly forecast
 */
export async function forecastHierarchy(
  history: HierarchyHistory,
  options: HierarchyForecastOptions,
): Promise<HierarchyForecast> {
  const { horizon, levels } = options;
  if (!(Number.isInteger(horizon) && horizon >= 1))
    throw new Error(`horizon: ${horizon} is not an integer >= 1`);
  const residualHours = Math.min(options.residualHours ?? 672, history.hours);
  const hours = history.hours;
  const settings: HierarchyTaskSettings = {
    horizon,
    levels,
    seasons: [24, 168],
    model: options.model ?? "auto",
    residualHours,
  };
  // Which keys have their own history.
  const firstActive = history.levels.map((level) => {
    const first = new Int32Array(level.keys.length).fill(hours);
    for (let k = 0; k < level.keys.length; k++) {
      for (let t = 0; t < hours; t++) {
        if (level.values[k * hours + t] > 0) {
          first[k] = t;
          break;
        }
      }
    }
    return first;
  });
  const short = (l: number, k: number) => {
    const first = firstActive[l][k];
    return first < hours && hours - first < MIN_OWN_HISTORY_HOURS;
  };
  // A short key borrows from a parent with history; one without such a parent (the total of a young
  // store) is fitted on what it has, with the short-series fallbacks of forecastSeries.
  const parsed = history.levels.map((level) => level.keys.map(parseKey));
  const borrow = history.levels.map((level, l) =>
    level.keys.map((_, k) =>
      short(l, k)
        ? coldStartParent(history, parsed, l, k, firstActive[l][k], (pl, pk) => !short(pl, pk))
        : null,
    ),
  );
  const cold = (l: number, k: number) => borrow[l][k] !== null;
  const tasks: { id: string; input: HierarchyTaskInput; level: number; key: number }[] = [];
  history.levels.forEach((level, l) => {
    for (let k = 0; k < level.keys.length; k++) {
      if (cold(l, k)) continue;
      tasks.push({
        id: level.keys[k],
        input: {
          values: level.values.slice(k * hours, (k + 1) * hours),
          model: options.modelOf?.get(level.keys[k]),
        },
        level: l,
        key: k,
      });
    }
  });
  const outputs = await runPool<HierarchyTaskInput, HierarchyTaskSettings, HierarchyTaskOutput>(
    TASK_MODULE,
    tasks.map((task) => ({
      id: task.id,
      input: task.input,
      transfer: [task.input.values.buffer as ArrayBuffer],
    })),
    { ...options.pool, shared: settings },
  );
  const result = history.levels.map((level): LevelForecast & { models: string[]; warnings: string[][] } => {
    const n = level.keys.length;
    return {
      name: level.name,
      dimensions: level.dimensions,
      keys: level.keys,
      mean: new Float64Array(n * horizon),
      lower: levels.map(() => new Float64Array(n * horizon)),
      upper: levels.map(() => new Float64Array(n * horizon)),
      residuals: new Float64Array(n * residualHours),
      dayAheadErrors: new Float64Array(n * residualHours),
      models: new Array<string>(n).fill(""),
      warnings: Array.from({ length: n }, () => []),
    };
  });
  tasks.forEach((task, i) => {
    const out = outputs[i];
    const target = result[task.level];
    const at = task.key * horizon;
    target.mean.set(out.mean, at);
    for (let j = 0; j < levels.length; j++) {
      target.lower[j].set(out.lower[j], at);
      target.upper[j].set(out.upper[j], at);
    }
    target.residuals.set(out.residuals, task.key * residualHours + (residualHours - out.residuals.length));
    target.dayAheadErrors.set(
      out.dayAheadErrors,
      task.key * residualHours + (residualHours - out.dayAheadErrors.length),
    );
    target.models[task.key] = out.model;
    target.warnings[task.key].push(...out.warnings);
  });
  const coldStarts: { key: string; from: string }[] = [];
  // Cold keys borrow from their parents, which are fitted (a parent is never short itself).
  history.levels.forEach((level, l) => {
    for (let k = 0; k < level.keys.length; k++) {
      const parent = borrow[l][k];
      if (parent === null) continue;
      const target = result[l];
      const source = result[parent.level];
      const { share } = parent;
      const from = parent.key * horizon;
      const at = k * horizon;
      for (let t = 0; t < horizon; t++) target.mean[at + t] = source.mean[from + t] * share;
      for (let j = 0; j < levels.length; j++) {
        for (let t = 0; t < horizon; t++) {
          target.lower[j][at + t] = source.lower[j][from + t] * share;
          target.upper[j][at + t] = source.upper[j][from + t] * share;
        }
      }
      for (let t = 0; t < residualHours; t++) {
        target.residuals[k * residualHours + t] = source.residuals[parent.key * residualHours + t] * share;
        target.dayAheadErrors[k * residualHours + t] =
          source.dayAheadErrors[parent.key * residualHours + t] * share;
      }
      const parentKey = history.levels[parent.level].keys[parent.key];
      target.models[k] = `cold start from ${parentKey}`;
      coldStarts.push({ key: level.keys[k], from: parentKey });
      target.warnings[k].push(
        `cold start: ${hours - firstActive[l][k]} hours of history (under ${MIN_OWN_HISTORY_HOURS}); the ` +
          `shape of ${parentKey} scaled by its share ${share.toPrecision(3)}`,
      );
    }
  });
  return { start: history.start + hours * HOUR, horizon, residualHours, levels: result, coldStarts };
}
