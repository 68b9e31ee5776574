import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../config/schema.js";
import { type Adjustments, adjustmentsTable } from "./adjustments.js";
import { type ApiTokens, apiTokensTable } from "./api-tokens.js";
import type { BookingDecision, BookingDecisionInput } from "./booking-decision.js";
import { insertBookingDecisions, selectBookingDecisions } from "./booking-decisions-table.js";
import type { Campaign } from "./campaign.js";
import { deleteCampaign, insertCampaigns, selectCampaigns, updateCampaignRow } from "./campaign-table.js";
import { type DeliveryPeak, type DeliveryPeakQuery, deliveryPeak } from "./delivery-peak.js";
import { type ForecastRuns, forecastRuns } from "./forecast-runs.js";
import { loadRun } from "./load-run.js";
import { migrate } from "./migrate.js";
import { type Database, openDatabase } from "./open-database.js";
import { stageSources } from "./stage-sources.js";
import {
  ARRIVAL_BUCKET_MINUTES,
  ARRIVAL_WINDOW_DAYS,
  type ArrivalDelays,
  type BackfillOptions,
  type CubeQuery,
  type CubeSlice,
  type IngestOptions,
  type IngestReport,
  type QuarantineEntry,
  type Store,
  type StoreStatus,
} from "./store.js";
import { validateCampaign } from "./validate-campaign.js";

/** How to open a store folder. */
export interface OpenStoreOptions {
  /** Read-only stores can be opened by several processes at once, but not while one writes. */
  readOnly?: boolean;
  /** How long to wait for another process's lock. Default 30 s. */
  lockTimeoutMs?: number;
}

/** The DuckDB file inside a store folder. */
export const DATABASE_FILE = "avails.duckdb";

const MEASURE_COLUMN = {
  opportunities: "opportunities",
  impressions: "impressions",
  clicks: "clicks",
  spend: "spend_micros / 1e6",
} as const;

/**
 * Opens (creating it if needed, unless read-only) the embedded DuckDB store in a folder.
 *
 * @example
 * const store = await openStore("./data", config);
 * const report = await store.ingest(["./logs"]);
 * await store.close();
 */
export async function openStore(dir: string, config: Config, options: OpenStoreOptions = {}): Promise<Store> {
  const readOnly = options.readOnly ?? false;
  const path = join(dir, DATABASE_FILE);
  if (readOnly) {
    if (!existsSync(path))
      throw new Error(`no store at ${dir}: run \`avails ingest\` or \`avails demo\` first`);
  } else {
    mkdirSync(dir, { recursive: true });
  }
  const tmp = join(dir, "tmp");
  const db = await openDatabase(resolve(path), {
    readOnly,
    memoryLimit: config.memoryLimit,
    tempDirectory: join(tmp, "duckdb"),
    lockTimeoutMs: options.lockTimeoutMs ?? 30_000,
  });
  try {
    if (!readOnly && db.first) {
      // This process just took the write lock, so anything in tmp/ is left over from a run that crashed.
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp, { recursive: true });
      await migrate(db.connection, config);
      // Run folders a crash left without a committed row.
      await forecastRuns(db.connection, dir, tmp, config.runs, false).sweep();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return new DuckDbStore(db, config, tmp, readOnly, dir);
}

class DuckDbStore implements Store {
  readonly runs: ForecastRuns;
  readonly adjustments: Adjustments;
  readonly tokens: ApiTokens;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly tmp: string,
    private readonly readOnly: boolean,
    dir: string,
  ) {
    this.runs = forecastRuns(db.connection, dir, tmp, config.runs, readOnly);
    this.adjustments = adjustmentsTable(db.connection, config, readOnly);
    this.tokens = apiTokensTable(db.connection, readOnly);
  }

  private get connection() {
    return this.db.connection;
  }

  private async firstValue(sql: string): Promise<unknown> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRows()[0]?.[0] ?? null;
  }

  ingest(paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
    return this.run("ingest", paths, options);
  }

  backfill(paths: readonly string[], options: BackfillOptions): Promise<IngestReport> {
    if (!(options.start < options.end)) {
      throw new Error(`backfill: the days end (${options.to}) before they start (${options.from})`);
    }
    return this.run("backfill", paths, options, options);
  }

  private async run(
    kind: "ingest" | "backfill",
    paths: readonly string[],
    options: IngestOptions,
    range?: BackfillOptions,
  ): Promise<IngestReport> {
    if (this.readOnly) throw new Error("the store was opened read-only");
    const startedAt = Date.now();
    const now = options.now ?? startedAt;
    const runId = Number(await this.firstValue("SELECT coalesce(max(run_id), 0) + 1 FROM runs"));
    const wm = await this.firstValue("SELECT epoch_ms(max(event_time)) FROM events");
    const watermarkBefore = wm === null ? null : Number(wm);
    // Beam's batch semantics: lateness is judged against the watermark before this run, so rows of one run
    // never make each other late; a backfill replaces whole days and takes late rows on purpose.
    const tooOldBefore =
      kind === "ingest" && watermarkBefore !== null
        ? watermarkBefore - this.config.allowedLatenessHours * 3_600_000
        : null;
    const runDir = join(this.tmp, `run-${runId}-${process.pid}-${startedAt}`);
    mkdirSync(runDir, { recursive: true });
    try {
      const staged = await stageSources(
        paths,
        { config: this.config, now, tooOldBefore, range: range && { start: range.start, end: range.end } },
        runDir,
        options.onProgress,
        options.maxWorkers,
      );
      options.onProgress?.(staged.sources.length, staged.sources.length, "committing");
      return await loadRun({
        connection: this.connection,
        config: this.config,
        kind,
        runId,
        startedAt,
        staged,
        watermarkBefore,
        tooOldBefore,
        range: range && { start: range.start, end: range.end, from: range.from, to: range.to },
      });
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  }

  async status(now = Date.now()): Promise<StoreStatus> {
    const byType = await this.connection.runAndReadAll(
      "SELECT event_type, sum(count), count(*) FROM events GROUP BY event_type",
    );
    const events = { opportunity: 0, impression: 0, click: 0 };
    let eventRows = 0;
    for (const [type, units, rows] of byType.getRows()) {
      events[String(type) as keyof typeof events] = Number(units);
      eventRows += Number(rows);
    }
    const reasons = await this.connection.runAndReadAll(
      "SELECT reason, count(*) FROM quarantine GROUP BY reason ORDER BY reason",
    );
    const quarantined: Record<string, number> = {};
    for (const [reason, n] of reasons.getRows()) quarantined[String(reason)] = Number(n);
    const span = await this.connection.runAndReadAll(
      "SELECT epoch_ms(min(event_time)), epoch_ms(max(event_time)) FROM events",
    );
    const [first, last] = span.getRows()[0];
    const runs = await this.connection.runAndReadAll(
      "SELECT count(*), coalesce(sum(duplicates), 0), max_by(report, run_id) FROM runs",
    );
    const [runCount, duplicates, lastReport] = runs.getRows()[0];
    return {
      events,
      eventRows,
      duplicates: Number(duplicates),
      quarantined,
      watermark: last === null ? null : new Date(Number(last)).toISOString(),
      freshnessSeconds: last === null ? null : Math.round((now - Number(last)) / 1000),
      firstEvent: first === null ? null : new Date(Number(first)).toISOString(),
      lastRun: lastReport === null ? null : (JSON.parse(String(lastReport)) as IngestReport),
      runs: Number(runCount),
      allowedLatenessHours: this.config.allowedLatenessHours,
    };
  }

  levels(): string[] {
    return this.config.levels.map((l) => l.name);
  }

  async cube(query: CubeQuery): Promise<CubeSlice> {
    if (!this.config.levels.some((l) => l.name === query.level)) {
      throw new Error(`unknown level "${query.level}" (configured: ${this.levels().join(", ")})`);
    }
    const column = MEASURE_COLUMN[query.measure];
    if (column === undefined) throw new Error(`unknown measure "${query.measure}"`);
    const params = { level: query.level, start: query.start ?? -1, end: query.end ?? 8.64e15 };
    const span = await this.connection.runAndReadAll(
      "SELECT epoch_ms(min(hour)), epoch_ms(max(hour)) FROM cube WHERE level = $level",
      { level: query.level },
    );
    const [first, last] = span.getRows()[0];
    const keys = await this.connection.runAndReadAll(
      "SELECT DISTINCT key FROM cube WHERE level = $level ORDER BY key",
      { level: query.level },
    );
    const keyList = keys.getRows().map((row) => String(row[0]));
    // Cells come as numbers in column chunks: the key as its index in keyList (joined in SQL), the hour and
    // the value as doubles. Materializing rows as JS arrays cost 15 times as much on a million cells.
    const cells = await this.connection.run(
      `WITH keys AS (
         SELECT key, (row_number() OVER (ORDER BY key) - 1)::INTEGER AS k
         FROM (SELECT DISTINCT key FROM cube WHERE level = $level))
       SELECT keys.k, epoch_ms(hour)::DOUBLE, (${column})::DOUBLE FROM cube JOIN keys USING (key)
       WHERE level = $level AND hour >= epoch_ms($start::BIGINT) AND hour < epoch_ms($end::BIGINT)`,
      params,
    );
    let keyIndex = new Int32Array(4096);
    let hour = new Float64Array(4096);
    let value = new Float64Array(4096);
    let count = 0;
    for (;;) {
      const chunk = await cells.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const rows = chunk.rowCount;
      if (count + rows > keyIndex.length) {
        const size = Math.max(2 * keyIndex.length, count + rows);
        keyIndex = grow(keyIndex, new Int32Array(size));
        hour = grow(hour, new Float64Array(size));
        value = grow(value, new Float64Array(size));
      }
      const keys = chunk.getColumnVector(0);
      const hours = chunk.getColumnVector(1);
      const values = chunk.getColumnVector(2);
      for (let i = 0; i < rows; i++, count++) {
        keyIndex[count] = Number(keys.getItem(i));
        hour[count] = Number(hours.getItem(i));
        value[count] = Number(values.getItem(i));
      }
    }
    return {
      keys: keyList,
      keyIndex: keyIndex.slice(0, count),
      hour: hour.slice(0, count),
      value: value.slice(0, count),
      firstHour: first === null ? null : Number(first),
      lastHour: last === null ? null : Number(last),
    };
  }

  deliveryPeak(query: DeliveryPeakQuery): Promise<DeliveryPeak> {
    return deliveryPeak(this.connection, query);
  }

  async arrivalDelays(
    eventType: "opportunity" | "impression" | "click" = "opportunity",
  ): Promise<ArrivalDelays> {
    const lateness = this.config.allowedLatenessHours;
    const span = await this.connection.runAndReadAll(
      "SELECT epoch_ms(max(event_time)), epoch_ms(max(ingestion_time)) FROM events",
    );
    const [watermark, lastIngestion] = span.getRows()[0];
    // Delays up to twice the allowed lateness get a bucket each; backfilled stragglers go to `beyond`.
    const perHour = 60 / ARRIVAL_BUCKET_MINUTES;
    const buckets = Math.max(1, Math.ceil(2 * lateness * perHour) + 1);
    const units = new Float64Array(buckets);
    let beyond = 0;
    if (watermark !== null) {
      const closedBefore = Number(watermark) - lateness * 3_600_000;
      const from = closedBefore - ARRIVAL_WINDOW_DAYS * 86_400_000;
      const rows = await this.connection.runAndReadAll(
        `SELECT greatest(0, floor((epoch_ms(ingestion_time) - epoch_ms(event_time)) / $bucket))::BIGINT AS delay,
                sum(count)
         FROM events
         WHERE event_type = $type AND event_time >= epoch_ms($from::BIGINT) AND event_time < epoch_ms($to::BIGINT)
         GROUP BY delay`,
        {
          type: eventType,
          from: Math.floor(from),
          to: Math.floor(closedBefore),
          bucket: ARRIVAL_BUCKET_MINUTES * 60_000,
        },
      );
      for (const [delay, sum] of rows.getRows()) {
        const k = Number(delay);
        if (k < buckets) units[k] += Number(sum);
        else beyond += Number(sum);
      }
    }
    return {
      units,
      bucketHours: 1 / perHour,
      beyond,
      lastIngestion: lastIngestion === null ? null : Number(lastIngestion),
      watermark: watermark === null ? null : Number(watermark),
    };
  }

  async quarantine(limit: number, reason?: string): Promise<QuarantineEntry[]> {
    const reader = await this.connection.runAndReadAll(
      `SELECT run_id, source, line, reason, detail, raw FROM quarantine
       WHERE $reason IS NULL OR reason = $reason ORDER BY run_id, source, line LIMIT $limit`,
      { reason: reason ?? null, limit },
    );
    return reader.getRows().map(([runId, source, line, why, detail, raw]) => ({
      runId: Number(runId),
      source: String(source),
      line: Number(line),
      reason: String(why),
      detail: String(detail),
      raw: String(raw),
    }));
  }

  addCampaign(campaign: Campaign, decisions: readonly BookingDecisionInput[] = []): Promise<Campaign> {
    return this.importCampaigns([campaign], decisions).then((stored) => stored[0]);
  }

  async importCampaigns(
    campaigns: readonly Campaign[],
    decisions: readonly BookingDecisionInput[] = [],
  ): Promise<Campaign[]> {
    if (this.readOnly) throw new Error("the store was opened read-only");
    // Validated again here: a library caller may hand over campaigns that never went through the CLI.
    const valid = campaigns.map((c, i) =>
      validateCampaign({ ...c }, this.config, (field) =>
        campaigns.length === 1 ? field : `campaigns[${i}].${field}`,
      ),
    );
    await insertCampaigns(this.connection, valid, Date.now(), decisions);
    return valid;
  }

  async updateCampaign(
    campaign: Campaign,
    decisions: readonly BookingDecisionInput[] = [],
  ): Promise<Campaign> {
    if (this.readOnly) throw new Error("the store was opened read-only");
    const valid = validateCampaign({ ...campaign }, this.config);
    await updateCampaignRow(this.connection, valid, Date.now(), decisions);
    return valid;
  }

  async logBookingDecisions(decisions: readonly BookingDecisionInput[]): Promise<BookingDecision[]> {
    if (this.readOnly) throw new Error("the store was opened read-only");
    await this.connection.run("BEGIN TRANSACTION");
    try {
      const logged = await insertBookingDecisions(this.connection, decisions, Date.now());
      await this.connection.run("COMMIT");
      return logged;
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
  }

  bookingDecisions(campaignId?: string): Promise<BookingDecision[]> {
    return selectBookingDecisions(this.connection, campaignId);
  }

  listCampaigns(): Promise<Campaign[]> {
    return selectCampaigns(this.connection, this.config.timeZone);
  }

  async getCampaign(id: string): Promise<Campaign | null> {
    return (await selectCampaigns(this.connection, this.config.timeZone, id))[0] ?? null;
  }

  removeCampaign(id: string): Promise<boolean> {
    if (this.readOnly) throw new Error("the store was opened read-only");
    return deleteCampaign(this.connection, id);
  }

  async close(): Promise<void> {
    if (!this.readOnly) await this.connection.run("CHECKPOINT").catch(() => undefined);
    this.db.close();
  }
}

/** `into` with the values of `from` at its start. */
function grow<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
