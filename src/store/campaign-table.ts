import type { DuckDBConnection } from "@duckdb/node-api";
import type { BookingDecisionInput } from "./booking-decision.js";
import { insertBookingDecisions } from "./booking-decisions-table.js";
import type { Campaign, Pacing, Priority, Targeting } from "./campaign.js";
import { quoteLiteral } from "./sql.js";

/**
 * The campaigns table; migrate() creates it, this module reads and writes it. The columns after created_at
 * came with schema version 3 and are added to older tables in place by `upgradeCampaignsTable`.
 */
export const CREATE_CAMPAIGNS_SQL = `CREATE TABLE IF NOT EXISTS campaigns (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  advertiser VARCHAR,
  targeting VARCHAR NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  priority VARCHAR NOT NULL,
  pacing VARCHAR NOT NULL,
  goal_impressions BIGINT NOT NULL,
  cpm_micros BIGINT,
  created_at TIMESTAMP NOT NULL,
  time_zone VARCHAR,
  frontload_percent INTEGER,
  budget_micros BIGINT,
  daily_cap BIGINT)`;

/** Columns of schema version 3, with the type an older table gets them with. */
const VERSION_3_COLUMNS = [
  ["time_zone", "VARCHAR"],
  ["frontload_percent", "INTEGER"],
  ["budget_micros", "BIGINT"],
  ["daily_cap", "BIGINT"],
] as const;

/**
 * Adds the columns of schema version 3 to a campaigns table made before it, in place: the flight's time zone
 * filled with `timeZone` (the reporting time zone, in which the old flight days were read), the others empty
 * (no frontloading, no budget, no cap). Run inside migrate()'s transaction.
 *
 * @example
 * await upgradeCampaignsTable(connection, config.timeZone);
 */
export async function upgradeCampaignsTable(connection: DuckDBConnection, timeZone: string): Promise<void> {
  const present = await campaignColumns(connection);
  for (const [column, type] of VERSION_3_COLUMNS) {
    if (present.has(column)) continue;
    await connection.run(`ALTER TABLE campaigns ADD COLUMN ${column} ${type}`);
  }
  await connection.run(`UPDATE campaigns SET time_zone = ${quoteLiteral(timeZone)} WHERE time_zone IS NULL`);
}

const COLUMNS = `id, name, advertiser, targeting, start_date, end_date, priority, pacing, goal_impressions,
  cpm_micros, created_at, time_zone, frontload_percent, budget_micros, daily_cap`;

const INSERT = `INSERT INTO campaigns (${COLUMNS}) VALUES ($id, $name, $advertiser::VARCHAR, $targeting,
  $start::DATE, $end::DATE, $priority, $pacing, $goal::BIGINT, $cpm::BIGINT, make_timestamp($now::BIGINT * 1000),
  $zone, $frontload::INTEGER, $budget::BIGINT, $cap::BIGINT)`;

const UPDATE = `UPDATE campaigns SET name = $name, advertiser = $advertiser::VARCHAR, targeting = $targeting,
  start_date = $start::DATE, end_date = $end::DATE, priority = $priority, pacing = $pacing,
  goal_impressions = $goal::BIGINT, cpm_micros = $cpm::BIGINT, time_zone = $zone,
  frontload_percent = $frontload::INTEGER, budget_micros = $budget::BIGINT, daily_cap = $cap::BIGINT
  WHERE id = $id RETURNING id`;

/**
 * Inserts campaigns in one transaction, with the booking decisions that let them in: an id stored already
 * or given twice is an error naming it, and then nothing is written.
 *
 * @example
 * await insertCampaigns(connection, [campaign], Date.now());
 */
export async function insertCampaigns(
  connection: DuckDBConnection,
  campaigns: readonly Campaign[],
  now: number,
  decisions: readonly BookingDecisionInput[] = [],
): Promise<void> {
  const seen = new Set<string>();
  for (const c of campaigns) {
    if (seen.has(c.id)) throw new Error(`campaign id "${c.id}" is given twice`);
    seen.add(c.id);
  }
  await transaction(connection, async () => {
    const stored = await connection.runAndReadAll("SELECT id FROM campaigns");
    for (const [id] of stored.getRows()) {
      if (seen.has(String(id))) throw new Error(`campaign id "${id}" is already stored`);
    }
    for (const c of campaigns) await connection.run(INSERT, { ...parameters(c), now });
    await insertBookingDecisions(connection, decisions, now);
  });
}

/**
 * Replaces the stored campaign with the same id (every field but the id and its creation time), with the
 * booking decision that let the change in, in one transaction; an unknown id is an error naming it.
 *
 * @example
 * await updateCampaignRow(connection, { ...campaign, goal_impressions: 60000 }, Date.now());
 */
export async function updateCampaignRow(
  connection: DuckDBConnection,
  campaign: Campaign,
  now: number,
  decisions: readonly BookingDecisionInput[] = [],
): Promise<void> {
  await transaction(connection, async () => {
    const reader = await connection.runAndReadAll(UPDATE, parameters(campaign));
    if (reader.getRows().length === 0) throw new Error(`no campaign "${campaign.id}"`);
    await insertBookingDecisions(connection, decisions, now);
  });
}

/**
 * The stored campaigns ordered by start day then id, or the one with `id`. A store made before campaigns
 * existed (and opened read-only, so not migrated) has none; one made before schema version 3 reads with
 * the defaults its upgrade would give (`timeZone` for the flight, no budget, frontloading or cap).
 *
 * @example
 * const all = await selectCampaigns(connection, config.timeZone);
 */
export async function selectCampaigns(
  connection: DuckDBConnection,
  timeZone: string,
  id?: string,
): Promise<Campaign[]> {
  const present = await campaignColumns(connection);
  if (present.size === 0) return [];
  const column = (name: string, fallback: string) => (present.has(name) ? name : fallback);
  const select = `SELECT id, name, advertiser, targeting, strftime(start_date, '%Y-%m-%d'),
    strftime(end_date, '%Y-%m-%d'), priority, pacing, goal_impressions, cpm_micros,
    coalesce(${column("time_zone", "NULL")}, ${quoteLiteral(timeZone)}), ${column("frontload_percent", "NULL")},
    ${column("budget_micros", "NULL")}, ${column("daily_cap", "NULL")} FROM campaigns`;
  const reader =
    id === undefined
      ? await connection.runAndReadAll(`${select} ORDER BY start_date, id`)
      : await connection.runAndReadAll(`${select} WHERE id = $id`, { id });
  return reader.getRows().map((row) => ({
    id: String(row[0]),
    name: String(row[1]),
    advertiser: row[2] === null ? null : String(row[2]),
    targeting: JSON.parse(String(row[3])) as Targeting,
    start: String(row[4]),
    end: String(row[5]),
    time_zone: String(row[10]),
    priority: String(row[6]) as Priority,
    pacing: String(row[7]) as Pacing,
    frontload_percent: row[11] === null ? null : Number(row[11]),
    goal_impressions: Number(row[8]),
    budget_micros: row[12] === null ? null : Number(row[12]),
    cpm_micros: row[9] === null ? null : Number(row[9]),
    daily_cap: row[13] === null ? null : Number(row[13]),
  }));
}

/**
 * Deletes a campaign; false when no campaign has that id.
 *
 * @example
 * await deleteCampaign(connection, "c01"); // true
 */
export async function deleteCampaign(connection: DuckDBConnection, id: string): Promise<boolean> {
  if ((await campaignColumns(connection)).size === 0) return false;
  const reader = await connection.runAndReadAll("DELETE FROM campaigns WHERE id = $id RETURNING id", { id });
  return reader.getRows().length > 0;
}

function parameters(c: Campaign) {
  return {
    id: c.id,
    name: c.name,
    advertiser: c.advertiser,
    targeting: JSON.stringify(c.targeting),
    start: c.start,
    end: c.end,
    priority: c.priority,
    pacing: c.pacing,
    goal: c.goal_impressions,
    cpm: c.cpm_micros,
    zone: c.time_zone,
    frontload: c.frontload_percent,
    budget: c.budget_micros,
    cap: c.daily_cap,
  };
}

async function transaction(connection: DuckDBConnection, body: () => Promise<void>): Promise<void> {
  await connection.run("BEGIN TRANSACTION");
  try {
    await body();
    await connection.run("COMMIT");
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
}

/** The campaigns table's columns; empty when there is no such table. */
async function campaignColumns(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    "SELECT column_name FROM duckdb_columns() WHERE table_name = 'campaigns' AND schema_name = 'main'",
  );
  return new Set(reader.getRows().map((row) => String(row[0])));
}
