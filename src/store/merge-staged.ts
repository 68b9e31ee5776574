import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/schema.js";
import { insertCubeSql } from "./cube-sql.js";
import { quoteIdentifier } from "./sql.js";

/** What merging a run's staged events into the store needs; it runs inside the run's transaction. */
export interface MergeInput {
  connection: DuckDBConnection;
  config: Config;
  runId: number;
  /** A relation (read_parquet or an empty SELECT) of the staged events. */
  eventsSource: string;
  /** A relation of the id hashes (`_id_hash`) more than one staged event has. */
  repeatedHashesSource: string;
  /** Events before this (epoch ms) are too late for this run; null when none are. */
  tooOldBefore: number | null;
  watermarkBefore: number | null;
  /** Holds the hours whose events the run already removed (backfill), so their cube is recomputed. */
  touchedTable: string;
}

/** How many of the run's winning copies met each fate: new, replace, duplicate (of a stored event), too_late. */
export type Fates = Partial<Record<"new" | "replace" | "duplicate" | "too_late", number>>;

const HOUR_MS = 3_600_000;

/**
 * Merges the staged events into the store: one copy per event_id within the run (the latest ingestion_time,
 * ties broken by content so any order of the same rows picks the same copy), then its fate against the store
 * (the stored copy wins unless this one is newer and differs), too-late rows quarantined, the cube recomputed
 * for every hour touched. Into a store without events, where every winner is new and none can be too late,
 * the winners go straight into the events table and the cube is rebuilt whole: the same result in fewer
 * passes.
 */
export async function mergeStaged(input: MergeInput): Promise<Fates> {
  const { connection } = input;
  // Most ids come once: only those whose hash staging saw more than once need the window that picks a copy.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE repeated_hashes AS SELECT _id_hash FROM ${input.repeatedHashesSource}`,
  );
  try {
    if (input.tooOldBefore === null) {
      const stored = await connection.runAndReadAll("SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)");
      if (Number(stored.getRows()[0][0]) === 0) return await mergeIntoEmpty(input);
    }
    return await mergeClassified(input);
  } finally {
    await connection.run("DROP TABLE IF EXISTS temp.repeated_hashes").catch(() => undefined);
  }
}

function dimensionsOf(config: Config): string[] {
  return config.dimensions.map((d) => quoteIdentifier(d.name));
}

/** The row_number() ordering that picks a run's copy of an event: latest ingestion_time, then content. */
function winnerOrder(config: Config): string {
  return [
    "ingestion_time DESC",
    ...["event_time", "event_type", "campaign_id", ...dimensionsOf(config), "count", "cost_micros"].map(
      (c) => `${c} NULLS FIRST`,
    ),
  ].join(", ");
}

/**
 * The run's winning copies: every row whose id hash was seen once (its id comes once), and the picked copy of
 * each id among the rest. All copies of an id share its hash, so none is left out of the window.
 */
function winnersSql(input: MergeInput): string {
  const source = input.eventsSource;
  return `(SELECT * FROM ${source} ANTI JOIN repeated_hashes USING (_id_hash)
    UNION ALL
    SELECT * FROM (SELECT * FROM ${source} SEMI JOIN repeated_hashes USING (_id_hash)
      QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ${winnerOrder(input.config)}) = 1))`;
}

function insertEventsSql(config: Config, runId: number, from: string): string {
  const columns = ["campaign_id", ...dimensionsOf(config), "count", "cost_micros"].join(", ");
  return `INSERT INTO events (event_id, event_type, event_time, ingestion_time, ${columns}, run_id)
    SELECT event_id, event_type, epoch_ms(event_time), epoch_ms(ingestion_time), ${columns}, ${runId}
    FROM ${from}`;
}

async function mergeIntoEmpty(input: MergeInput): Promise<Fates> {
  const { connection, config } = input;
  const inserted = await connection.run(insertEventsSql(config, input.runId, winnersSql(input)));
  // The cube is a function of the events, and there were none: rebuild it whole.
  await connection.run("DELETE FROM cube");
  await connection.run(insertCubeSql(config.levels, "true"));
  return { new: inserted.rowsChanged };
}

async function mergeClassified(input: MergeInput): Promise<Fates> {
  const { connection, config, runId, touchedTable } = input;
  const dims = dimensionsOf(config);
  // A copy identical to the stored event is a retry whatever its ingestion_time: nothing to replace.
  const sameContent = [
    "e.event_type = w.event_type",
    "e.event_time = epoch_ms(w.event_time)",
    "e.campaign_id IS NOT DISTINCT FROM w.campaign_id",
    ...dims.map((d) => `e.${d} = w.${d}`),
    "e.count = w.count",
    "e.cost_micros = w.cost_micros",
  ].join(" AND ");
  const tooOld = input.tooOldBefore === null ? "false" : `w.event_time < ${input.tooOldBefore}`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE classified AS
    SELECT w.*, CASE
      WHEN e.event_id IS NOT NULL AND (e.ingestion_time >= epoch_ms(w.ingestion_time) OR (${sameContent}))
        THEN 'duplicate'
      WHEN ${tooOld} THEN 'too_late'
      WHEN e.event_id IS NOT NULL THEN 'replace'
      ELSE 'new' END AS _fate
    FROM ${winnersSql(input)} w LEFT JOIN events e ON e.event_id = w.event_id`);
  try {
    const rows = await connection.runAndReadAll("SELECT _fate, count(*) FROM classified GROUP BY _fate");
    const fates: Fates = {};
    for (const [fate, n] of rows.getRows()) fates[String(fate) as keyof Fates] = Number(n);

    await connection.run(`INSERT INTO ${touchedTable}
      SELECT DISTINCT date_trunc('hour', epoch_ms(event_time)) FROM classified WHERE _fate IN ('new', 'replace')`);
    if ((fates.replace ?? 0) > 0) {
      await connection.run(`INSERT INTO ${touchedTable} SELECT DISTINCT date_trunc('hour', e.event_time)
        FROM events e JOIN classified c ON c.event_id = e.event_id WHERE c._fate = 'replace'`);
      await connection.run(
        "DELETE FROM events WHERE event_id IN (SELECT event_id FROM classified WHERE _fate = 'replace')",
      );
    }
    await connection.run(insertEventsSql(config, runId, "classified WHERE _fate IN ('new', 'replace')"));
    await recomputeCube(connection, config, touchedTable);

    if ((fates.too_late ?? 0) > 0) {
      const lateness = config.allowedLatenessHours;
      await connection.run(`INSERT INTO quarantine SELECT ${runId}, source, line, reason, detail, raw FROM (
          SELECT _source AS source, _line AS line, 'too_late' AS reason,
            'event_time ' || strftime(epoch_ms(event_time), '%Y-%m-%dT%H:%M:%S.%gZ') || ' is more than ${lateness} h'
              || ' before the watermark ' || strftime(epoch_ms(${input.watermarkBefore ?? 0}), '%Y-%m-%dT%H:%M:%SZ')
              || '; backfill its day to take it' AS detail,
            _raw AS raw
          FROM classified WHERE _fate = 'too_late') n
        WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.source = n.source AND q.line = n.line
          AND q.reason = n.reason AND q.raw = n.raw)`);
    }
    return fates;
  } finally {
    await connection.run("DROP TABLE IF EXISTS temp.classified").catch(() => undefined);
  }
}

/** Recomputes the cube of every hour in the touched table from the events. */
async function recomputeCube(connection: DuckDBConnection, config: Config, touchedTable: string) {
  const bounds = await connection.runAndReadAll(
    `SELECT epoch_ms(min(hour)), epoch_ms(max(hour)) FROM ${touchedTable}`,
  );
  const [lo, hi] = bounds.getRows()[0];
  if (lo === null || hi === null) return;
  try {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE touched_hours AS SELECT DISTINCT hour FROM ${touchedTable}`,
    );
    await connection.run("DELETE FROM cube WHERE hour IN (SELECT hour FROM touched_hours)");
    // The range bounds let DuckDB skip row groups by their min/max before the exact hour match.
    await connection.run(
      insertCubeSql(
        config.levels,
        `event_time >= epoch_ms(${Number(lo)}) AND event_time < epoch_ms(${Number(hi) + HOUR_MS})
         AND date_trunc('hour', event_time) IN (SELECT hour FROM touched_hours)`,
      ),
    );
  } finally {
    await connection.run("DROP TABLE IF EXISTS temp.touched_hours").catch(() => undefined);
  }
}
