import type { ForecastSnapshot } from "./forecast-snapshot.js";

/** The numeric array types a run's payload may hold; each is written as its raw little-endian bytes. */
export type RunArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** One named array of a run's payload. */
export interface RunArrayInput {
  data: RunArray;
  /**
   * Labels of the array's rows (series ids, say): the array is read as rows.length equal rows, so a gate that
   * finds a bad value names its row. Absent: the gate names the index.
   */
  rows?: readonly string[];
  /** Values may be negative (residuals, log scales); they must still be finite. Default false. */
  signed?: boolean;
}

/** The total of one level (or level and measure) over the run's horizon. */
export interface LevelTotal {
  total: number;
  /** Series of the level. */
  series: number;
}

/** The worst coherence error of one aggregate level: max over its series and hours of |sum(children) - parent| / |parent|. */
export interface CoherenceError {
  maxRelativeError: number;
  /** The series where it is largest. */
  series?: string;
}

/** What the gates read: level totals and coherence errors, given by the run's producer. */
export interface RunSummaryInput {
  /** Keyed by level name (or "level:measure" when a run forecasts several measures). */
  levels: Record<string, LevelTotal>;
  /** Keyed by aggregate level name. */
  coherence: Record<string, CoherenceError>;
}

/** The finite and sign checks of one payload array, computed when the run is written. */
export interface ArrayCheck {
  type: string;
  length: number;
  /** Values that are NaN or infinite. */
  nonFinite: number;
  /** Finite values below zero (counted for signed arrays too, but not a failure there). */
  negative: number;
  signed: boolean;
  /** The first bad value (non-finite, or negative in an unsigned array): where and what. */
  firstBad: { index: number; row?: string; offset?: number; value: number } | null;
}

/** A run's summary as stored: the producer's totals and coherence, plus the check of every array. */
export interface RunSummary extends RunSummaryInput {
  arrays: Record<string, ArrayCheck>;
}

/** Everything a forecast run is made of, as its producer hands it to `runs.create`. */
export interface RunPayload<M = unknown> {
  /** Fingerprint of the config the run used (`configHash`). */
  configHash: string;
  seed: number;
  /** The store's watermark the run's data ends at (ISO), null for an empty store. */
  watermark: string | null;
  summary: RunSummaryInput;
  /** JSON the run's reader needs (keys, horizon start, layout...); kept as given. */
  manifest: M;
  arrays: Record<string, RunArrayInput>;
  /** What the run's live accuracy is scored on, kept in the store after its files are pruned. */
  snapshot?: ForecastSnapshot;
}

/** The life of a run. `rolled_back` is a run that was published and then rolled back. */
export const RUN_STATUSES = [
  "pending",
  "published",
  "failed",
  "rejected",
  "superseded",
  "rolled_back",
] as const;
/** One of the run statuses. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One failed check of one gate. */
export interface GateFailure {
  /** What failed: the array and row, the level, or the aggregate. */
  subject: string;
  value: number;
  limit: number;
  message: string;
}

/** The outcome of one gate. */
export interface GateResult {
  gate: "finite" | "non_negative" | "coherence" | "level_shift";
  passed: boolean;
  failures: GateFailure[];
}

/** The outcome of all gates for a run, against the published run at that moment. */
export interface GateReport {
  passed: boolean;
  /** The published run compared against, null when there was none. */
  against: string | null;
  checkedAt: string;
  results: GateResult[];
}

/** A run as listed and shown. */
export interface RunInfo {
  id: string;
  createdAt: string;
  status: RunStatus;
  configHash: string;
  seed: number;
  watermark: string | null;
  /** The last gate check: at creation, then at each publish attempt. */
  gates: GateReport | null;
  summary: RunSummary | null;
  /** When it was last published, and whether that publish was forced past failing gates. */
  publishedAt: string | null;
  forced: boolean;
  /** Payload size on disk; 0 when it has none (failed) or was pruned. */
  bytes: number;
  pruned: boolean;
  /** Why a failed run failed. */
  error: string | null;
}

/** A run read back with its payload. */
export interface LoadedRun<M = unknown> {
  info: RunInfo;
  manifest: M;
  arrays: Record<string, RunArray>;
  /** Row labels of the arrays that have them. */
  rows: Record<string, string[]>;
}
