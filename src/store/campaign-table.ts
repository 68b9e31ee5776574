import type { DuckDBConnection } from "@duckdb/node-api";
import type { Campaign, Pacing, Priority, Targeting } from "./campaign.js";

/** The campaigns table; migrate() creates it, this module reads and writes it. */
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
  created_at TIMESTAMP NOT NULL)`;

const INSERT = `INSERT INTO campaigns VALUES ($id, $name, $advertiser::VARCHAR, $targeting, $start::DATE,
  $end::DATE, $priority, $pacing, $goal::BIGINT, $cpm::BIGINT, make_timestamp($now::BIGINT * 1000))`;

const SELECT = `SELECT id, name, advertiser, targeting, strftime(start_date, '%Y-%m-%d'),
  strftime(end_date, '%Y-%m-%d'), priority, pacing, goal_impressions, cpm_micros FROM campaigns`;

/**
 * Inserts campaigns in one transaction: an id stored already or given twice is an error naming it, and
 * then nothing is written.
 *
 * @example
 * await insertCampaigns(connection, [campaign], Date.now());
 */
export async function insertCampaigns(
  connection: DuckDBConnection,
  campaigns: readonly Campaign[],
  now: number,
): Promise<void> {
  const seen = new Set<string>();
  for (const c of campaigns) {
    if (seen.has(c.id)) throw new Error(`campaign id "${c.id}" is given twice`);
    seen.add(c.id);
  }
  await connection.run("BEGIN TRANSACTION");
  try {
    const stored = await connection.runAndReadAll("SELECT id FROM campaigns");
    for (const [id] of stored.getRows()) {
      if (seen.has(String(id))) throw new Error(`campaign id "${id}" is already stored`);
    }
    for (const c of campaigns) {
      await connection.run(INSERT, {
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
        now,
      });
    }
    await connection.run("COMMIT");
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
}

/**
 * The stored campaigns ordered by start day then id, or the one with `id`. A store made before campaigns
 * existed (and opened read-only, so not migrated) has none.
 *
 * @example
 * const all = await selectCampaigns(connection);
 */
export async function selectCampaigns(connection: DuckDBConnection, id?: string): Promise<Campaign[]> {
  if (!(await hasCampaignsTable(connection))) return [];
  const reader =
    id === undefined
      ? await connection.runAndReadAll(`${SELECT} ORDER BY start_date, id`)
      : await connection.runAndReadAll(`${SELECT} WHERE id = $id`, { id });
  return reader.getRows().map((row) => ({
    id: String(row[0]),
    name: String(row[1]),
    advertiser: row[2] === null ? null : String(row[2]),
    targeting: JSON.parse(String(row[3])) as Targeting,
    start: String(row[4]),
    end: String(row[5]),
    priority: String(row[6]) as Priority,
    pacing: String(row[7]) as Pacing,
    goal_impressions: Number(row[8]),
    cpm_micros: row[9] === null ? null : Number(row[9]),
  }));
}

/**
 * Deletes a campaign; false when no campaign has that id.
 *
 * @example
 * await deleteCampaign(connection, "c01"); // true
 */
export async function deleteCampaign(connection: DuckDBConnection, id: string): Promise<boolean> {
  if (!(await hasCampaignsTable(connection))) return false;
  const reader = await connection.runAndReadAll("DELETE FROM campaigns WHERE id = $id RETURNING id", { id });
  return reader.getRows().length > 0;
}

async function hasCampaignsTable(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll(
    "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'campaigns' AND schema_name = 'main'",
  );
  return Number(reader.getRows()[0][0]) > 0;
}
