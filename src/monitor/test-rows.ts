import type { ScoredRows } from "../store/forecast-snapshots.js";

/** One scored snapshot row, for tests. */
export interface Row {
  run?: number;
  level?: string;
  key?: string;
  hour: number;
  hours?: number;
  step?: number;
  mean: number;
  actual: number;
  lo80?: number;
  hi80?: number;
  lo95?: number;
  hi95?: number;
  scale?: number;
}

/** Columnar `ScoredRows` from rows given one by one (defaults: run 1, total, hourly, step 0, wide bands). */
export function scoredRows(rows: readonly Row[]): ScoredRows {
  return {
    runSeq: Int32Array.from(rows, (r) => r.run ?? 1),
    level: rows.map((r) => r.level ?? "total"),
    key: rows.map((r) => r.key ?? "total"),
    hour: Float64Array.from(rows, (r) => r.hour),
    hours: Int32Array.from(rows, (r) => r.hours ?? 1),
    step: Int32Array.from(rows, (r) => r.step ?? 0),
    mean: Float64Array.from(rows, (r) => r.mean),
    lo95: Float64Array.from(rows, (r) => r.lo95 ?? 0),
    lo80: Float64Array.from(rows, (r) => r.lo80 ?? 0),
    hi80: Float64Array.from(rows, (r) => r.hi80 ?? 1e12),
    hi95: Float64Array.from(rows, (r) => r.hi95 ?? 1e12),
    scale: Float64Array.from(rows, (r) => r.scale ?? Number.NaN),
    actual: Float64Array.from(rows, (r) => r.actual),
  };
}
