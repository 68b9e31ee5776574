import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/schema.js";
import type { RejectionReason } from "../events/rejection.js";
import { mergeStaged } from "./merge-staged.js";
import { quoteLiteral } from "./sql.js";
import type { StagedFile, StageResult } from "./stage-sources.js";
import { stagedEventsSql } from "./staged-events.js";
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

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  const value = reader.getRows()[0]?.[0];
  return value === null || value === undefined ? 0 : Number(value);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** `read_csv` over the quarantine staging files that hold rows, or null when none does. */
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
  const eventsSource = stagedEventsSql(
    staged.eventsFiles.filter((f) => f.rows > 0).map((f) => f.path),
    config,
  );
  const quarantineSource = readStaged(
    staged.quarantineFiles,
    "{'source': 'VARCHAR', 'line': 'BIGINT', 'reason': 'VARCHAR', 'detail': 'VARCHAR', 'raw': 'VARCHAR'}",
  );
  const stagedRows = staged.eventsFiles.reduce((sum, f) => sum + f.rows, 0);

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

    const fateCount = await mergeStaged({
      connection,
      config,
      runId,
      eventsSource,
      repeatedHashesSource:
        staged.repeatedHashesFile.rows === 0
          ? "(SELECT NULL::BIGINT AS _id_hash WHERE false)"
          : `read_parquet(${quoteLiteral(staged.repeatedHashesFile.path)})`,
      tooOldBefore: input.tooOldBefore,
      watermarkBefore: input.watermarkBefore,
      touchedTable: "touched",
    });
    let winners = 0;
    for (const n of Object.values(fateCount)) winners += n ?? 0;
    const duplicatesInRun = stagedRows - winners;

    if (quarantineSource !== null) {
      await connection.run(`INSERT INTO quarantine SELECT ${runId}, source, line, reason, detail, raw FROM (
          SELECT DISTINCT * FROM ${quarantineSource}) n
        WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.source = n.source AND q.line = n.line
          AND q.reason = n.reason AND q.raw = n.raw)`);
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
    await connection.run("DROP TABLE IF EXISTS temp.touched").catch(() => undefined);
  }
}
