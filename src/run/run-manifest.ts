import type { AdjustmentOutcome } from "../forecast/adjust/apply-adjustments.js";

/**
 * What a forecast run's payload holds beside its arrays: enough to rebuild the hierarchy and the sample paths
 * and to say how every series was forecast. Arrays (all row-major): `series_mean` (series × horizon, every
 * level, coherent), `leaf_mean` (leaves × horizon), `errors` (leaves × poolLength, Float32), `index`
 * (horizon × paths), `growth` (horizon), `first_block` (paths), and the campaign forecasts (see `campaigns`).
 */
export interface RunManifest {
  readonly version: 1;
  /** First forecast hour, epoch ms. */
  readonly start: number;
  /** Hours forecast. */
  readonly horizon: number;
  /** Reporting time zone of the run's days. */
  readonly timeZone: string;
  readonly levels: readonly { readonly name: string; readonly dimensions: readonly string[] }[];
  readonly leafKeys: readonly string[];
  /** Keys of `series_mean`'s rows: every level's series in the hierarchy's order. */
  readonly seriesKeys: readonly string[];
  readonly paths: {
    readonly paths: number;
    readonly poolLength: number;
    readonly block: number;
    readonly season: number;
    readonly phase: number;
  };
  /** How the series were reconciled, the shrinkage intensity (MinT) and the leaf values clipped at zero. */
  readonly method: string;
  readonly lambda: number | null;
  readonly clipped: number;
  /** The history fitted: first hour, length, open hours corrected and cut. */
  readonly history: {
    readonly start: number;
    readonly hours: number;
    readonly correctedHours: number;
    readonly droppedHours: number;
    readonly delaysMeasured: boolean;
  };
  /** The model of every series, by key. */
  readonly models: Readonly<Record<string, string>>;
  /** What each series' forecast should report (gaps, fallbacks, cold starts), by key; absent when nothing. */
  readonly warnings: Readonly<Record<string, readonly string[]>>;
  /** Keys with too little history, and the parent whose shape they borrowed. */
  readonly coldStarts: readonly { readonly key: string; readonly from: string }[];
  /** Series forecast with the drift fallback model instead of the run's (key to model); absent in older runs. */
  readonly fallbacks?: Readonly<Record<string, string>>;
  /** What each forecast adjustment did. */
  readonly adjustments: readonly AdjustmentOutcome[];
  /**
   * Campaign delivery forecasts, when a level has the campaign dimension: the rows of the `campaign_impressions`
   * and `campaign_spend` arrays (keys × horizon, with `_lo80` / `_hi80` bounds) and the model of each key and
   * measure (`campaign=c01:impressions`). Not part of the level-shift gate: campaigns start and stop.
   */
  readonly campaigns: {
    readonly keys: readonly string[];
    readonly models: Readonly<Record<string, string>>;
  } | null;
}
