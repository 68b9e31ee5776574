import type { Config } from "../../config/schema.js";
import type { Store } from "../../store/store.js";

const HOUR = 3_600_000;

/** Hourly matched opportunities per leaf cell (the finest supply level), history and held-out stretch. */
export interface LeafTraffic {
  /** The leaf level's name and keys (`geo=SE|device=mobile`). */
  level: string;
  keys: string[];
  /** First hour, epoch ms. */
  start: number;
  /** Hours in all: history then stretch. */
  hours: number;
  /** Hour index where the held-out stretch begins; the stretch runs to `hours`. */
  stretchStart: number;
  /**
   * Opportunities, leaf-major (`values[leaf * hours + hour]`). An hour with no cell in any leaf is missing
   * data (a logging outage), NaN in every leaf; a leaf without a cell in an hour that has data is 0.
   */
  values: Float64Array;
}

/** Which stretch to hold out. */
export interface LeafTrafficOptions {
  /** Days of the held-out stretch, ending at the last hour with data (rounded down to a UTC midnight). */
  stretchDays: number;
  /** Most days of history before the stretch to read; default 28. */
  historyDays?: number;
}

/**
 * Reads a store's leaf-level opportunities (the configured supply level with the most dimensions) for a
 * simulation: `historyDays` of history, then a held-out stretch of `stretchDays` that ends at the UTC
 * midnight at or before the end of the last hour with data. Throws naming the reason when the store has
 * no opportunities or too little data for the stretch and two days of history.
 *
 * @example
 * const traffic = await readLeafTraffic(store, config, { stretchDays: 14 });
 * traffic.values[leaf * traffic.hours + traffic.stretchStart]; // the stretch's first hour of that leaf
 */
export async function readLeafTraffic(
  store: Store,
  config: Config,
  options: LeafTrafficOptions,
): Promise<LeafTraffic> {
  const { stretchDays } = options;
  const historyDays = options.historyDays ?? 28;
  if (!(Number.isInteger(stretchDays) && stretchDays >= 1)) {
    throw new Error(`stretch days: expected a whole number >= 1, got ${stretchDays}`);
  }
  if (!(Number.isInteger(historyDays) && historyDays >= 2)) {
    throw new Error(`history days: expected a whole number >= 2, got ${historyDays}`);
  }
  const supply = config.levels.filter((level) => !level.dimensions.includes("campaign"));
  if (supply.length === 0) throw new Error("levels: no supply level (without campaign) to simulate on");
  const leafLevel = supply.reduce((finest, level) =>
    level.dimensions.length > finest.dimensions.length ? level : finest,
  );
  const span = await store.cube({ level: leafLevel.name, measure: "opportunities", start: 0, end: 1 });
  if (span.firstHour === null || span.lastHour === null) {
    throw new Error(`the store has no opportunities at level ${leafLevel.name}`);
  }
  const DAY = 24 * HOUR;
  const end = Math.floor((span.lastHour + HOUR) / DAY) * DAY;
  const stretch = stretchDays * DAY;
  const start = Math.max(Math.ceil(span.firstHour / HOUR) * HOUR, end - stretch - historyDays * DAY);
  if (end - stretch - start < 2 * DAY) {
    const have = ((end - start) / DAY).toFixed(1);
    throw new Error(
      `the store holds ${have} whole days of opportunities; a ${stretchDays}-day stretch needs at least ${stretchDays + 2}`,
    );
  }
  const slice = await store.cube({ level: leafLevel.name, measure: "opportunities", start, end });
  const hours = (end - start) / HOUR;
  const keys = slice.keys;
  const values = new Float64Array(keys.length * hours);
  const seen = new Uint8Array(hours);
  for (let i = 0; i < slice.hour.length; i++) {
    const h = (slice.hour[i] - start) / HOUR;
    values[slice.keyIndex[i] * hours + h] += slice.value[i];
    seen[h] = 1;
  }
  for (let h = 0; h < hours; h++) {
    if (seen[h] === 1) continue;
    for (let leaf = 0; leaf < keys.length; leaf++) values[leaf * hours + h] = Number.NaN;
  }
  return { level: leafLevel.name, keys, start, hours, stretchStart: hours - stretch / HOUR, values };
}
