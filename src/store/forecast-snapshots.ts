import type { DuckDBConnection } from "@duckdb/node-api";
import type { ForecastSnapshot } from "./forecast-snapshot.js";

/** The forecast snapshots of runs (see `ForecastSnapshot`); hours as timestamps, one row per series and span. */
export const CREATE_SNAPSHOTS_SQL = `CREATE TABLE IF NOT EXISTS forecast_snapshots (
  run_seq INTEGER NOT NULL,
  level VARCHAR NOT NULL,
  key VARCHAR NOT NULL,
  hour TIMESTAMP NOT NULL,
  hours INTEGER NOT NULL,
  step INTEGER NOT NULL,
  mean DOUBLE NOT NULL,
  lo95 DOUBLE NOT NULL,
  lo80 DOUBLE NOT NULL,
  hi80 DOUBLE NOT NULL,
  hi95 DOUBLE NOT NULL,
  scale DOUBLE)`;

/** Rows per INSERT statement: 12 bound values each. */
const BATCH = 256;

/**
 * Stores a run's snapshot under its sequence number and drops rows past the retention, on the caller's
 * transaction (so that they commit with the run's row). Keys and levels go in as bound parameters.
 *
 * @example
 * await insertSnapshot(connection, 7, forecastSnapshot({ ... }));
 */
export async function insertSnapshot(
  connection: DuckDBConnection,
  seq: number,
  snapshot: ForecastSnapshot,
): Promise<void> {
  await connection.run(CREATE_SNAPSHOTS_SQL);
  await connection.run("DELETE FROM forecast_snapshots WHERE hour < epoch_ms($from::BIGINT)", {
    from: Math.floor(snapshot.keepFrom),
  });
  const n = snapshot.mean.length;
  for (let from = 0; from < n; from += BATCH) {
    const to = Math.min(n, from + BATCH);
    const rows: string[] = [];
    const params: Record<string, string | number | null> = { seq };
    for (let i = from; i < to; i++) {
      const j = i - from;
      rows.push(
        `($seq, $l${j}, $k${j}, epoch_ms($t${j}::BIGINT), $h${j}, $s${j}, $m${j}, $a${j}, $b${j}, $c${j}, $d${j}, $x${j})`,
      );
      params[`l${j}`] = snapshot.levels[snapshot.level[i]];
      params[`k${j}`] = snapshot.keys[snapshot.series[i]];
      params[`t${j}`] = snapshot.hour[i];
      params[`h${j}`] = snapshot.hours[i];
      params[`s${j}`] = snapshot.step[i];
      params[`m${j}`] = snapshot.mean[i];
      params[`a${j}`] = snapshot.lo95[i];
      params[`b${j}`] = snapshot.lo80[i];
      params[`c${j}`] = snapshot.hi80[i];
      params[`d${j}`] = snapshot.hi95[i];
      params[`x${j}`] = Number.isFinite(snapshot.scale[i]) ? snapshot.scale[i] : null;
    }
    await connection.run(`INSERT INTO forecast_snapshots VALUES ${rows.join(", ")}`, params);
  }
}

/** Which snapshot rows to score. */
export interface ScoreQuery {
  /** Rows whose span starts at or after this instant (epoch ms). */
  readonly from: number;
  /** Rows whose span ends at or before this instant (epoch ms): hours closed to late events. */
  readonly closedBefore: number;
}

/** Snapshot rows of published runs with their actuals, columnar. */
export interface ScoredRows {
  readonly runSeq: Int32Array;
  readonly level: string[];
  readonly key: string[];
  readonly hour: Float64Array;
  readonly hours: Int32Array;
  readonly step: Int32Array;
  readonly mean: Float64Array;
  readonly lo95: Float64Array;
  readonly lo80: Float64Array;
  readonly hi80: Float64Array;
  readonly hi95: Float64Array;
  readonly scale: Float64Array;
  /** Opportunities the cube holds for the series over the span (0 for hours without events). */
  readonly actual: Float64Array;
}

/**
 * The snapshot rows of every run that was ever published (live at some time) within the query, each with the
 * cube's opportunities over its span, ordered by hour, level, key and run.
 *
 * @example
 * const rows = await readScoredRows(connection, { from, closedBefore });
 */
export async function readScoredRows(connection: DuckDBConnection, query: ScoreQuery): Promise<ScoredRows> {
  const tables = await connection.runAndReadAll(
    "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'forecast_snapshots'",
  );
  const empty = Number(tables.getRows()[0][0]) === 0;
  const reader = empty
    ? null
    : await connection.runAndReadAll(
        `SELECT s.run_seq, s.level, s.key, epoch_ms(s.hour), s.hours, s.step, s.mean, s.lo95, s.lo80, s.hi80,
           s.hi95, s.scale, coalesce(sum(c.opportunities), 0)
         FROM forecast_snapshots s
         JOIN forecast_runs r ON r.seq = s.run_seq AND r.published_at IS NOT NULL
         LEFT JOIN cube c ON c.level = s.level AND c.key = s.key AND c.hour >= s.hour
           AND c.hour < s.hour + to_hours(s.hours)
         WHERE s.hour >= epoch_ms($from::BIGINT)
           AND s.hour + to_hours(s.hours) <= epoch_ms($closed::BIGINT)
         GROUP BY ALL
         ORDER BY 4, 2, 3, 1`,
        { from: Math.floor(query.from), closed: Math.floor(query.closedBefore) },
      );
  const rows = reader?.getRows() ?? [];
  const n = rows.length;
  const out: ScoredRows = {
    runSeq: new Int32Array(n),
    level: new Array<string>(n),
    key: new Array<string>(n),
    hour: new Float64Array(n),
    hours: new Int32Array(n),
    step: new Int32Array(n),
    mean: new Float64Array(n),
    lo95: new Float64Array(n),
    lo80: new Float64Array(n),
    hi80: new Float64Array(n),
    hi95: new Float64Array(n),
    scale: new Float64Array(n),
    actual: new Float64Array(n),
  };
  rows.forEach((row, i) => {
    out.runSeq[i] = Number(row[0]);
    out.level[i] = String(row[1]);
    out.key[i] = String(row[2]);
    out.hour[i] = Number(row[3]);
    out.hours[i] = Number(row[4]);
    out.step[i] = Number(row[5]);
    out.mean[i] = Number(row[6]);
    out.lo95[i] = Number(row[7]);
    out.lo80[i] = Number(row[8]);
    out.hi80[i] = Number(row[9]);
    out.hi95[i] = Number(row[10]);
    out.scale[i] = row[11] === null ? Number.NaN : Number(row[11]);
    out.actual[i] = Number(row[12]);
  });
  return out;
}
