import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/schema.js";
import { CREATE_BOOKING_DECISIONS_SQL } from "./booking-decisions-table.js";
import { CREATE_CAMPAIGNS_SQL, upgradeCampaignsTable } from "./campaign-table.js";
import { insertCubeSql } from "./cube-sql.js";
import { quoteIdentifier, quoteLiteral } from "./sql.js";

const SCHEMA_VERSION = 3;

/**
 * Creates the store's tables, adds columns for newly configured dimensions (schema evolution), and rebuilds
 * the cube when the configured levels changed. All in one transaction: a crash leaves the store as it was.
 */
export async function migrate(connection: DuckDBConnection, config: Config): Promise<void> {
  await connection.run("BEGIN TRANSACTION");
  try {
    await connection.run(`CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`);
    // Compression named per text column: DuckDB otherwise tries every method on every column segment it
    // writes, which is the larger part of writing the events of a big run. Ids are unique (FSST packs their
    // text); types, campaigns and dimension values repeat (a dictionary). The choice is kept in the catalog.
    await connection.run(`CREATE TABLE IF NOT EXISTS events (
      event_id VARCHAR NOT NULL USING COMPRESSION fsst,
      event_type VARCHAR NOT NULL USING COMPRESSION dictionary,
      event_time TIMESTAMP NOT NULL,
      ingestion_time TIMESTAMP NOT NULL,
      campaign_id VARCHAR USING COMPRESSION dictionary,
      count INTEGER NOT NULL,
      cost_micros BIGINT NOT NULL,
      run_id INTEGER NOT NULL)`);
    await connection.run(`CREATE TABLE IF NOT EXISTS cube (
      level VARCHAR NOT NULL,
      key VARCHAR NOT NULL,
      hour TIMESTAMP NOT NULL,
      opportunities BIGINT NOT NULL,
      impressions BIGINT NOT NULL,
      clicks BIGINT NOT NULL,
      spend_micros BIGINT NOT NULL)`);
    await connection.run(`CREATE TABLE IF NOT EXISTS quarantine (
      run_id INTEGER NOT NULL,
      source VARCHAR NOT NULL,
      line BIGINT NOT NULL,
      reason VARCHAR NOT NULL,
      detail VARCHAR NOT NULL,
      raw VARCHAR NOT NULL)`);
    await connection.run(`CREATE TABLE IF NOT EXISTS runs (
      run_id INTEGER PRIMARY KEY,
      kind VARCHAR NOT NULL,
      started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP NOT NULL,
      duplicates BIGINT NOT NULL,
      report VARCHAR NOT NULL)`);
    // Version 2: forecast runs, the log of what was published and rolled back, and forecast adjustments.
    // Times are ISO text: they are only shown and ordered, never computed with.
    await connection.run(`CREATE TABLE IF NOT EXISTS forecast_runs (
      seq INTEGER PRIMARY KEY,
      created_at VARCHAR NOT NULL,
      status VARCHAR NOT NULL,
      config_hash VARCHAR NOT NULL,
      seed BIGINT NOT NULL,
      watermark VARCHAR,
      summary VARCHAR,
      gates VARCHAR,
      bytes BIGINT NOT NULL,
      published_at VARCHAR,
      forced BOOLEAN NOT NULL,
      pruned BOOLEAN NOT NULL,
      error VARCHAR)`);
    await connection.run(`CREATE TABLE IF NOT EXISTS run_publications (
      seq INTEGER PRIMARY KEY,
      run_seq INTEGER NOT NULL,
      action VARCHAR NOT NULL,
      published_at VARCHAR NOT NULL,
      forced BOOLEAN NOT NULL)`);
    await connection.run(`CREATE TABLE IF NOT EXISTS adjustments (
      id INTEGER PRIMARY KEY,
      name VARCHAR NOT NULL,
      targeting VARCHAR NOT NULL,
      start_date VARCHAR NOT NULL,
      end_date VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      value DOUBLE NOT NULL,
      created_at VARCHAR NOT NULL)`);
    await connection.run(CREATE_CAMPAIGNS_SQL);
    // Version 3: campaigns gain a flight time zone, frontloading, a budget and a daily cap (added in place to
    // a version 2 table, its flights read in the reporting time zone as before), and the booking guard logs
    // its decisions.
    await upgradeCampaignsTable(connection, config.timeZone);
    await connection.run(CREATE_BOOKING_DECISIONS_SQL);
    await connection.run(
      `INSERT INTO meta VALUES ('schema_version', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      { v: String(SCHEMA_VERSION) },
    );

    const columns = await connection.runAndReadAll(
      "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' AND schema_name = 'main'",
    );
    const existing = new Set(columns.getRows().map((row) => String(row[0])));
    for (const dimension of config.dimensions) {
      if (!existing.has(dimension.name)) {
        await connection.run(
          `ALTER TABLE events ADD COLUMN ${quoteIdentifier(dimension.name)} VARCHAR USING COMPRESSION dictionary
            DEFAULT ${quoteLiteral(dimension.default)}`,
        );
      }
    }

    const signature = JSON.stringify(config.levels);
    const stored = await connection.runAndReadAll("SELECT value FROM meta WHERE key = 'levels'");
    if (stored.getRows()[0]?.[0] !== signature) {
      await connection.run("DELETE FROM cube");
      await connection.run(insertCubeSql(config.levels, "true"));
      await connection.run(
        `INSERT INTO meta VALUES ('levels', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        { v: signature },
      );
    }
    await connection.run("COMMIT");
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
}
