import type { RejectionReason } from "../events/rejection.js";
import type { Adjustments } from "./adjustments.js";
import type { ApiTokens } from "./api-tokens.js";
import type { BookingDecision, BookingDecisionInput } from "./booking-decision.js";
import type { Campaign } from "./campaign.js";
import type { DeliveryPeak, DeliveryPeakQuery } from "./delivery-peak.js";
import type { ForecastRuns } from "./forecast-runs.js";

/** What one ingest or backfill run did; kept in the store and printed by the CLI. */
export interface IngestReport {
  runId: number;
  kind: "ingest" | "backfill";
  startedAt: string;
  finishedAt: string;
  sources: string[];
  rowsRead: number;
  /** Rows stored (new events, or newer copies replacing stored ones). */
  accepted: number;
  /** Rows that were another copy of an event: within the run, or already stored with a newer ingestion_time. */
  duplicates: number;
  /** Stored events superseded by a copy with a later ingestion_time (each also counted in duplicates). */
  replaced: number;
  quarantined: Partial<Record<RejectionReason, number>>;
  quarantinedTotal: number;
  watermarkBefore: string | null;
  watermarkAfter: string | null;
  /** Backfill only: the days replaced, and rows of the files outside them (skipped, not quarantined). */
  from?: string;
  to?: string;
  outsideRange?: number;
  /** Backfill only: events removed from those days before the new ones went in. */
  removed?: number;
}

/** The state of the store, as `avails status` shows it. */
export interface StoreStatus {
  /** Events stored, by type, as sums of count. */
  events: { opportunity: number; impression: number; click: number };
  /** Event rows stored. */
  eventRows: number;
  duplicates: number;
  quarantined: Record<string, number>;
  watermark: string | null;
  /** Seconds between the watermark and now: how stale the newest data is. */
  freshnessSeconds: number | null;
  firstEvent: string | null;
  lastRun: IngestReport | null;
  runs: number;
  allowedLatenessHours: number;
}

/** The measures of the hourly cube. Spend is in currency units (cost_micros / 1e6). */
export const MEASURES = ["opportunities", "impressions", "clicks", "spend"] as const;
/** One of the cube measures. */
export type Measure = (typeof MEASURES)[number];

/** A slice of one level of the hourly cube: hours in [start, end) epoch ms, all hours with data when absent. */
export interface CubeQuery {
  level: string;
  measure: Measure;
  start?: number;
  end?: number;
}

/** The cube cells of a slice (only hours with data), plus the level's keys and the data's hour span. */
export interface CubeSlice {
  keys: string[];
  /** Parallel arrays: key index, hour (epoch ms), value. */
  keyIndex: Int32Array;
  hour: Float64Array;
  value: Float64Array;
  /** First and last hour with data in the whole level (epoch ms), null when the level is empty. */
  firstHour: number | null;
  lastHour: number | null;
}

/**
 * How late events reach the store: a histogram of arrival delays (ingestion_time minus event_time, in
 * buckets of `ARRIVAL_BUCKET_MINUTES`) over the events of closed hours, those older than the watermark minus the allowed lateness, within
 * the last `ARRIVAL_WINDOW_DAYS` days before that.
 */
export interface ArrivalDelays {
  /** Event units (the sum of count) by delay: `units[k]` arrived k to k + 1 buckets after their event_time. */
  units: Float64Array;
  /** The width of a bucket in hours. */
  bucketHours: number;
  /** Units that arrived later than the histogram's last bucket. */
  beyond: number;
  /** The latest ingestion_time in the store (epoch ms): the moment its data is complete up to; null when empty. */
  lastIngestion: number | null;
  /** The watermark (latest event_time, epoch ms); null when empty. */
  watermark: number | null;
}

/** The resolution of the arrival-delay histogram: 5 minutes. */
export const ARRIVAL_BUCKET_MINUTES = 5;

/** Days of closed hours whose events make the arrival-delay histogram. */
export const ARRIVAL_WINDOW_DAYS = 28;

/** A quarantined row. */
export interface QuarantineEntry {
  runId: number;
  source: string;
  line: number;
  reason: string;
  detail: string;
  raw: string;
}

/** Progress of a long step: units done out of total (total may be unknown). */
export type ProgressListener = (done: number, total: number | null, label: string) => void;

/** Options of a live ingest run. */
export interface IngestOptions {
  /** The run's clock in epoch ms (tests pin it); defaults to now. */
  now?: number;
  onProgress?: ProgressListener;
  /**
   * Staging threads at most (default: one per core, up to one per file); 0 stages in the calling thread,
   * which spares a small batch (a streamed one) a worker's start-up.
   */
  maxWorkers?: number;
}

/** Options of a backfill: the days to replace, as instants [start, end) and as the dates the user gave. */
export interface BackfillOptions extends IngestOptions {
  start: number;
  end: number;
  from: string;
  to: string;
}

/**
 * The store behind avails: deduplicated events, the hourly cube per level, quarantine and run reports.
 * Embedded DuckDB implements it; a server-backed store can implement it too.
 */
export interface Store {
  ingest(paths: readonly string[], options?: IngestOptions): Promise<IngestReport>;
  backfill(paths: readonly string[], options: BackfillOptions): Promise<IngestReport>;
  status(now?: number): Promise<StoreStatus>;
  levels(): string[];
  cube(query: CubeQuery): Promise<CubeSlice>;
  /** How late events of a type arrive (opportunities by default), measured on closed hours. */
  arrivalDelays(eventType?: "opportunity" | "impression" | "click"): Promise<ArrivalDelays>;
  /** A campaign's busiest sliding window of impressions (default 5 minutes), from event times. */
  deliveryPeak(query: DeliveryPeakQuery): Promise<DeliveryPeak>;
  quarantine(limit: number, reason?: string): Promise<QuarantineEntry[]>;
  /** Versioned forecast runs: create, publish, roll back, and read the published one. */
  readonly runs: ForecastRuns;
  /** Forecast adjustments the runs apply. */
  readonly adjustments: Adjustments;
  /** API tokens of `avails serve`: their hashes and roles. */
  readonly tokens: ApiTokens;
  /**
   * Stores a campaign, validated against the config, with the booking decisions that let it in (one
   * transaction); an id already stored is an error.
   */
  addCampaign(campaign: Campaign, decisions?: readonly BookingDecisionInput[]): Promise<Campaign>;
  /** Stores many campaigns (an imported campaigns.json) and their booking decisions, all or nothing. */
  importCampaigns(
    campaigns: readonly Campaign[],
    decisions?: readonly BookingDecisionInput[],
  ): Promise<Campaign[]>;
  /** Replaces the campaign with the same id, validated as a whole, with its booking decisions. */
  updateCampaign(campaign: Campaign, decisions?: readonly BookingDecisionInput[]): Promise<Campaign>;
  /** Logs booking decisions that stored nothing (refusals). */
  logBookingDecisions(decisions: readonly BookingDecisionInput[]): Promise<BookingDecision[]>;
  /** The booking decision log, oldest first; only one campaign's when `campaignId` is given. */
  bookingDecisions(campaignId?: string): Promise<BookingDecision[]>;
  /** The stored campaigns, by start day then id. */
  listCampaigns(): Promise<Campaign[]>;
  /** One campaign, or null when no campaign has the id. */
  getCampaign(id: string): Promise<Campaign | null>;
  /** Removes a campaign; false when no campaign has the id. */
  removeCampaign(id: string): Promise<boolean>;
  close(): Promise<void>;
}
