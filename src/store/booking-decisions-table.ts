import type { DuckDBConnection } from "@duckdb/node-api";
import type {
  BookingAction,
  BookingDecision,
  BookingDecisionInput,
  BookingOutcome,
} from "./booking-decision.js";

/** The booking decision log; migrate() creates it (schema version 3), this module writes and reads it. */
export const CREATE_BOOKING_DECISIONS_SQL = `CREATE TABLE IF NOT EXISTS booking_decisions (
  seq INTEGER PRIMARY KEY,
  decided_at VARCHAR NOT NULL,
  campaign_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  decision VARCHAR NOT NULL,
  figures VARCHAR NOT NULL)`;

/**
 * Appends decisions to the log inside the caller's transaction (so a decision and the campaign it let in
 * are written together), numbered after the last one.
 *
 * @example
 * await insertBookingDecisions(connection, [{ campaign_id: "c1", action: "add", decision: "accepted", figures }], Date.now());
 */
export async function insertBookingDecisions(
  connection: DuckDBConnection,
  decisions: readonly BookingDecisionInput[],
  now: number,
): Promise<BookingDecision[]> {
  if (decisions.length === 0) return [];
  const reader = await connection.runAndReadAll("SELECT coalesce(max(seq), 0) FROM booking_decisions");
  let seq = Number(reader.getRows()[0][0]);
  const decidedAt = new Date(now).toISOString();
  const out: BookingDecision[] = [];
  for (const d of decisions) {
    seq++;
    await connection.run(
      "INSERT INTO booking_decisions VALUES ($seq, $at, $id, $action, $decision, $figures)",
      {
        seq,
        at: decidedAt,
        id: d.campaign_id,
        action: d.action,
        decision: d.decision,
        figures: JSON.stringify(d.figures),
      },
    );
    out.push({ seq, decided_at: decidedAt, ...d });
  }
  return out;
}

/**
 * The logged decisions, oldest first, all or those about one campaign. A store made before the log existed
 * (opened read-only, so not migrated) has none.
 *
 * @example
 * const log = await selectBookingDecisions(connection, "c1");
 */
export async function selectBookingDecisions(
  connection: DuckDBConnection,
  campaignId?: string,
): Promise<BookingDecision[]> {
  const exists = await connection.runAndReadAll(
    "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'booking_decisions' AND schema_name = 'main'",
  );
  if (Number(exists.getRows()[0][0]) === 0) return [];
  const reader = await connection.runAndReadAll(
    `SELECT seq, decided_at, campaign_id, action, decision, figures FROM booking_decisions
     WHERE $id IS NULL OR campaign_id = $id ORDER BY seq`,
    { id: campaignId ?? null },
  );
  return reader.getRows().map((row) => ({
    seq: Number(row[0]),
    decided_at: String(row[1]),
    campaign_id: String(row[2]),
    action: String(row[3]) as BookingAction,
    decision: String(row[4]) as BookingOutcome,
    figures: JSON.parse(String(row[5])) as Record<string, unknown>,
  }));
}
