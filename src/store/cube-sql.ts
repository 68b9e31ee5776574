import type { LevelConfig } from "../config/schema.js";
import { quoteIdentifier, quoteLiteral } from "./sql.js";

/** The column holding a level dimension: `campaign` is the event's campaign id. */
function columnOf(dimension: string): string {
  return dimension === "campaign" ? "campaign_id" : quoteIdentifier(dimension);
}

/**
 * The SQL expression of a level's key: `total`, `geo=SE`, `geo=SE|device=mobile`, `campaign=c01`.
 *
 * @example
 * levelKeySql({ name: "geo_device", dimensions: ["geo", "device"] }); // 'geo=' || "geo" || '|device=' || "device"
 */
export function levelKeySql(level: LevelConfig): string {
  if (level.dimensions.length === 0) return "'total'";
  return level.dimensions
    .map((d, i) => `${quoteLiteral(`${i === 0 ? "" : "|"}${d}=`)} || ${columnOf(d)}`)
    .join(" || ");
}

/**
 * SQL inserting the cube rows of every level for the events matched by `eventFilter` (a WHERE clause over the
 * events table). Events without a value for a level's dimension (opportunities have no campaign) are left out
 * of that level.
 */
export function insertCubeSql(levels: readonly LevelConfig[], eventFilter: string): string {
  const selects = levels.map((level) => {
    const present = level.dimensions.map((d) => `${columnOf(d)} IS NOT NULL`);
    const where = [eventFilter, ...present].join(" AND ");
    return `SELECT ${quoteLiteral(level.name)} AS level, ${levelKeySql(level)} AS key,
      date_trunc('hour', event_time) AS hour,
      coalesce(sum(count) FILTER (WHERE event_type = 'opportunity'), 0) AS opportunities,
      coalesce(sum(count) FILTER (WHERE event_type = 'impression'), 0) AS impressions,
      coalesce(sum(count) FILTER (WHERE event_type = 'click'), 0) AS clicks,
      coalesce(sum(cost_micros), 0) AS spend_micros
    FROM events WHERE ${where} GROUP BY ALL`;
  });
  return `INSERT INTO cube ${selects.join("\nUNION ALL\n")}`;
}
