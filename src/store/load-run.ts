import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/schema.js";
import type { RejectionReason } from "../events/rejection.js";
import { insertCubeSql } from "./cube-sql.js";
import { quoteIdentifier, quoteLiteral } from "./sql.js";
import type { StagedFile, StageResult } from "./stage-sources.js";
import type { IngestReport } from "./store.js";
import { traceConnection } from "./trace-connection.js";

/** Everything a run needs to commit what it staged. */
export interface LoadRunInput {
  connection: DuckDBConnection;
  config: Config;
  kind: "ingest" | "backfill";
  runId: number;
  startedAt: number;
  staged: StageResult;
  watermarkBefore: number | null;
  /** Events before this (epoch ms) are too late for this run; null when none are. */
  tooOldBefore: number | null;
  /** Backfill: the days [start, end) (epoch ms) to replace. */
  range?: { start: number; end: number; from: string; to: string };
}

const CSV_OPTIONS =
  "header = false, quote = '\"', escape = '\"', allow_quoted_nulls = false, auto_detect = false";
const HOUR_MS = 3_600_000;

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  const value = reader.getRows()[0]?.[0];
  return value === null || value === undefined ? 0 : Number(value);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** `read_csv` over the staging files that hold rows, or null when none does. */
function readStaged(files: readonly StagedFile[], columns: string): string | null {
  const paths = files.filter((f) => f.rows > 0).map((f) => quoteLiteral(f.path));
  return paths.length === 0 ? null : `read_csv([${paths.join(", ")}], columns = ${columns}, ${CSV_OPTIONS})`;
}

/**
 * Commits one run in a single DuckDB transaction: dedupes the staged events (within the run and against the
 * store, the latest ingestion_time winning), quarantines the too-late ones, replaces backfilled days, recomputes
 * the cube for every hour touched, records the quarantine and the report. A crash at any point rolls the whole
 * run back, so readers see the store before the run or after it, never a mix.
 */
export async function loadRun(input: LoadRunInput): Promise<IngestReport> {
  const { config, runId, staged } = input;
  const connection = traceConnection(input.connection);
  const dims = config.dimensions.map((d) => quoteIdentifier(d.name));
  const stagedColumns: [string, string][] = [
    ["event_id", "VARCHAR"],
    ["event_type", "VARCHAR"],
    ["event_time", "BIGINT"],
    ["ingestion_time", "BIGINT"],
    ["campaign_id", "VARCHAR"],
    ...config.dimensions.map((d): [string, string] => [d.name, "VARCHAR"]),
    ["count", "INTEGER"],
    ["cost_micros", "BIGINT"],
    ["source", "VARCHAR"],
    ["line", "BIGINT"],
    ["raw", "VARCHAR"],
  ];
  const eventsSource =
    readStaged(
      staged.eventsFiles,
      `{${stagedColumns.map(([n, t]) => `${quoteLiteral(n)}: '${t}'`).join(", ")}}`,
    ) ??
    `(SELECT ${stagedColumns.map(([n, t]) => `NULL::${t} AS ${quoteIdentifier(n)}`).join(", ")} WHERE false)`;
  const quarantineSource = readStaged(
    staged.quarantineFiles,
    "{'source': 'VARCHAR', 'line': 'BIGINT', 'reason': 'VARCHAR', 'detail': 'VARCHAR', 'raw': 'VARCHAR'}",
  );
  const stagedRows = staged.eventsFiles.reduce((sum, f) => sum + f.rows, 0);
  const tieBreak = ["event_time", "event_type", "campaign_id", ...dims, "count", "cost_micros"]
    .map((c) => `${c} NULLS FIRST`)
    .join(", ");
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

  await connection.run("BEGIN TRANSACTION");
  try {
    await connection.run("CREATE OR REPLACE TEMP TABLE touched (hour TIMESTAMP)");
    let removed = 0;
    if (input.range !== undefined) {
      const range = `event_time >= epoch_ms(${input.range.start}) AND event_time < epoch_ms(${input.range.end})`;
      removed = await scalar(connection, `SELECT count(*) FROM events WHERE ${range}`);
      await connection.run(
        `INSERT INTO touched SELECT DISTINCT date_trunc('hour', event_time) FROM events WHERE ${range}`,
      );
      await connection.run(`DELETE FROM events WHERE ${range}`);
    }

    // One copy per event_id within the run: the latest ingestion_time, ties broken by content so any order of
    // the same rows picks the same copy. Then its fate against the store.
    await connection.run(`CREATE OR REPLACE TEMP TABLE classified AS
      WITH winners AS (
        SELECT * FROM ${eventsSource}
        QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ingestion_time DESC, ${tieBreak}) = 1
      )
      SELECT w.*, CASE
        WHEN e.event_id IS NOT NULL AND (e.ingestion_time >= epoch_ms(w.ingestion_time) OR (${sameContent}))
          THEN 'duplicate'
        WHEN ${tooOld} THEN 'too_late'
        WHEN e.event_id IS NOT NULL THEN 'replace'
        ELSE 'new' END AS fate
      FROM winners w LEFT JOIN events e ON e.event_id = w.event_id`);
    const fates = await connection.runAndReadAll("SELECT fate, count(*) FROM classified GROUP BY fate");
    const fateCount: Record<string, number> = {};
    let winners = 0;
    for (const [fate, n] of fates.getRows()) {
      fateCount[String(fate)] = Number(n);
      winners += Number(n);
    }
    const duplicatesInRun = stagedRows - winners;

    await connection.run(`INSERT INTO touched
      SELECT DISTINCT date_trunc('hour', epoch_ms(event_time)) FROM classified WHERE fate IN ('new', 'replace')`);
    if ((fateCount.replace ?? 0) > 0) {
      await connection.run(`INSERT INTO touched SELECT DISTINCT date_trunc('hour', e.event_time) FROM events e
        JOIN classified c ON c.event_id = e.event_id WHERE c.fate = 'replace'`);
      await connection.run(
        "DELETE FROM events WHERE event_id IN (SELECT event_id FROM classified WHERE fate = 'replace')",
      );
    }
    const eventColumns = ["campaign_id", ...dims, "count", "cost_micros"].join(", ");
    await connection.run(`INSERT INTO events (event_id, event_type, event_time, ingestion_time, ${eventColumns}, run_id)
      SELECT event_id, event_type, epoch_ms(event_time), epoch_ms(ingestion_time), ${eventColumns}, ${runId}
      FROM classified WHERE fate IN ('new', 'replace')`);

    const bounds = await connection.runAndReadAll(
      "SELECT epoch_ms(min(hour)), epoch_ms(max(hour)) FROM touched",
    );
    const [lo, hi] = bounds.getRows()[0];
    if (lo !== null && hi !== null) {
      await connection.run("CREATE OR REPLACE TEMP TABLE touched_hours AS SELECT DISTINCT hour FROM touched");
      await connection.run("DELETE FROM cube WHERE hour IN (SELECT hour FROM touched_hours)");
      // The range bounds let DuckDB skip row groups by their min/max before the exact hour match.
      await connection.run(
        insertCubeSql(
          config.levels,
          `event_time >= epoch_ms(${Number(lo)}) AND event_time < epoch_ms(${Number(hi) + HOUR_MS})
           AND date_trunc('hour', event_time) IN (SELECT hour FROM touched_hours)`,
        ),
      );
    }

    const lateness = config.allowedLatenessHours;
    const notQuarantinedYet = `NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.source = n.source AND q.line = n.line
      AND q.reason = n.reason AND q.raw = n.raw)`;
    if ((fateCount.too_late ?? 0) > 0) {
      await connection.run(`INSERT INTO quarantine SELECT ${runId}, source, line, reason, detail, raw FROM (
          SELECT source, line, 'too_late' AS reason,
            'event_time ' || strftime(epoch_ms(event_time), '%Y-%m-%dT%H:%M:%S.%gZ') || ' is more than ${lateness} h'
              || ' before the watermark ' || strftime(epoch_ms(${input.watermarkBefore ?? 0}), '%Y-%m-%dT%H:%M:%SZ')
              || '; backfill its day to take it' AS detail,
            raw
          FROM classified WHERE fate = 'too_late') n WHERE ${notQuarantinedYet}`);
    }
    if (quarantineSource !== null) {
      await connection.run(`INSERT INTO quarantine SELECT ${runId}, source, line, reason, detail, raw FROM (
          SELECT DISTINCT * FROM ${quarantineSource}) n WHERE ${notQuarantinedYet}`);
    }

    const watermarkAfter = await connection.runAndReadAll("SELECT epoch_ms(max(event_time)) FROM events");
    const wm = watermarkAfter.getRows()[0][0];
    const quarantined: Partial<Record<RejectionReason, number>> = { ...staged.counts.quarantined };
    if ((fateCount.too_late ?? 0) > 0) quarantined.too_late = fateCount.too_late;
    let quarantinedTotal = 0;
    for (const n of Object.values(quarantined)) quarantinedTotal += n ?? 0;
    const duplicates = duplicatesInRun + (fateCount.duplicate ?? 0) + (fateCount.replace ?? 0);
    const report: IngestReport = {
      runId,
      kind: input.kind,
      startedAt: new Date(input.startedAt).toISOString(),
      finishedAt: new Date().toISOString(),
      sources: staged.sources,
      rowsRead: staged.counts.rowsRead,
      accepted: (fateCount.new ?? 0) + (fateCount.replace ?? 0),
      duplicates,
      replaced: fateCount.replace ?? 0,
      quarantined,
      quarantinedTotal,
      watermarkBefore: iso(input.watermarkBefore),
      watermarkAfter: iso(wm === null ? null : Number(wm)),
    };
    if (input.range !== undefined) {
      report.from = input.range.from;
      report.to = input.range.to;
      report.outsideRange = staged.counts.outsideRange;
      report.removed = removed;
    }
    await connection.run(
      "INSERT INTO runs VALUES ($run, $kind, epoch_ms($started::BIGINT), epoch_ms($finished::BIGINT), $dups, $report)",
      {
        run: runId,
        kind: input.kind,
        started: input.startedAt,
        finished: Date.parse(report.finishedAt),
        dups: duplicates,
        report: JSON.stringify(report),
      },
    );
    await connection.run("COMMIT");
    return report;
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  } finally {
    for (const table of ["classified", "touched", "touched_hours"]) {
      await connection.run(`DROP TABLE IF EXISTS temp.${table}`).catch(() => undefined);
    }
  }
}
