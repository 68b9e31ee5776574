/**
 * Every reason a demo bad row is quarantined for, exactly as the ingester reports it, in manifest order.
 *
 * @example
 * QUARANTINE_REASONS.includes("negative_cost"); // true
 */
export const QUARANTINE_REASONS = [
  "malformed",
  "missing_field:event_id",
  "missing_field:event_time",
  "missing_field:geo",
  "missing_field:device",
  "missing_field:campaign_id",
  "unknown_event_type",
  "bad_time",
  "bad_type",
  "negative_cost",
  "future_time",
] as const;

/** A reason of QUARANTINE_REASONS. */
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** A number per event type. */
export interface ByEventType {
  opportunity: number;
  impression: number;
  click: number;
}

/** What the generator wrote, counted row by row. */
export interface DemoCounts {
  /** Data rows in all files (CSV headers excluded): real rows + duplicate copies + bad rows. */
  rows_written: number;
  /** Real unique events as sums of `count`: what an exactly-once ingest of all files stores. */
  events: ByEventType;
  /** Real unique events as rows. */
  event_rows: ByEventType;
  /** Extra copies of real events (same event_id); an ingest counts each as a duplicate. */
  duplicates: number;
  /** Of those, copies with a later ingestion_time than the original (possibly in a later file). */
  duplicates_later_ingestion: number;
  /** Rows arriving 1-48 h after their event_time: a live ingest with 72 h allowed lateness accepts them. */
  late_within_allowed: number;
  /** Rows arriving 5-10 days after their event_time: `too_late` when the files are ingested day by day. */
  late_beyond_allowed: number;
  /** Those rows as sums of `count`, by event type. */
  late_beyond_allowed_events: ByEventType;
  /** Bad rows by quarantine reason, zeros included. */
  quarantine: Record<QuarantineReason, number>;
}

/** manifest.json: the options, the files and exactly what they hold. */
export interface DemoManifest extends DemoCounts {
  seed: number;
  days: number;
  scale: number;
  format: "ndjson" | "csv" | "parquet";
  gzip: boolean;
  /** First instant of the history, ISO 8601 UTC. */
  start: string;
  /** Exclusive end of the history, ISO 8601 UTC. */
  end: string;
  /** Event file names, one per arrival day, in day order. */
  files: string[];
  markets: { geo: string; time_zone: string }[];
  devices: string[];
  /** Number of campaigns in campaigns.json. */
  campaigns: number;
}
