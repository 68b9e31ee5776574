// The peers of `avails ingest` in bench:ingest. Plain: DuckDB's own NDJSON reader, dedupe by event_id (latest
// ingestion_time wins, QUALIFY row_number()) and GROUP BY into the same hourly cube levels, in one statement.
// With "persist": the same, but the deduplicated events are kept in a table and the cube is built from it, in
// one transaction: what avails must do so later runs can dedupe against the store.
import { rmSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const [logs, dbFile, mode] = process.argv.slice(2);
rmSync(dbFile, { force: true });
rmSync(`${dbFile}.wal`, { force: true });
const instance = await DuckDBInstance.create(dbFile);
const connection = await instance.connect();
const time = (column) => `CASE WHEN regexp_full_match(${column}, '\\d+') THEN epoch_ms(${column}::BIGINT)
  ELSE try_cast(${column} AS TIMESTAMPTZ) END`;
const deduped = `
  WITH raw AS (
    SELECT * FROM read_json('${logs}/*.ndjson', format = 'newline_delimited', ignore_errors = true,
      columns = {event_id: 'VARCHAR', event_type: 'VARCHAR', event_time: 'VARCHAR', ingestion_time: 'VARCHAR',
        campaign_id: 'VARCHAR', geo: 'VARCHAR', device: 'VARCHAR', content: 'VARCHAR', count: 'VARCHAR',
        cost_micros: 'VARCHAR'})),
  typed AS (
    SELECT event_id, lower(event_type) AS event_type, ${time("event_time")} AS event_time,
      ${time("ingestion_time")} AS ingestion_time, campaign_id, upper(geo) AS geo, lower(device) AS device,
      coalesce(try_cast(count AS BIGINT), 1) AS count, coalesce(try_cast(cost_micros AS BIGINT), 0) AS cost_micros
    FROM raw WHERE event_id IS NOT NULL)
  SELECT * FROM typed QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ingestion_time DESC) = 1`;
const cubeOf = (source) => `
  SELECT date_trunc('hour', event_time) AS hour, geo, device, campaign_id,
    sum(count) FILTER (WHERE event_type = 'opportunity') AS opportunities,
    sum(count) FILTER (WHERE event_type = 'impression') AS impressions,
    sum(count) FILTER (WHERE event_type = 'click') AS clicks, sum(cost_micros) AS spend_micros
  FROM ${source} GROUP BY GROUPING SETS ((hour), (hour, geo), (hour, device), (hour, geo, device), (hour, campaign_id))`;
const started = performance.now();
if (mode === "persist") {
  await connection.run("BEGIN TRANSACTION");
  await connection.run(`CREATE TABLE events AS ${deduped}`);
  await connection.run(`CREATE TABLE cube AS ${cubeOf("events")}`);
  await connection.run("COMMIT");
} else {
  await connection.run(`CREATE TABLE cube AS ${cubeOf(`(${deduped})`)}`);
}
const seconds = (performance.now() - started) / 1000;
connection.closeSync();
instance.closeSync();
console.log(JSON.stringify({ seconds }));
