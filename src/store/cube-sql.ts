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
 * events table), in one scan: a GROUPING SETS aggregate with one set per level, told apart by `grouping()`.
 * Events without a value for a level's dimension (opportunities have no campaign) are left out of that level.
 */
export function insertCubeSql(levels: readonly LevelConfig[], eventFilter: string): string {
  const columns = [...new Set(levels.flatMap((l) => l.dimensions))].map(columnOf);
  const groupingOf = (level: LevelConfig) => {
    // grouping() sets the bit of each column left out of the set, first column highest.
    const used = new Set(level.dimensions.map(columnOf));
    return columns.reduce(
      (mask, column, i) => (used.has(column) ? mask : mask | (1 << (columns.length - 1 - i))),
      0,
    );
  };
  const mask = columns.length === 0 ? "0" : `grouping(${columns.join(", ")})`;
  const sets = levels.map((l) => `(hour${l.dimensions.map((d) => `, ${columnOf(d)}`).join("")})`);
  const whenLevel = (value: (l: LevelConfig) => string) =>
    `CASE ${mask} ${levels.map((l) => `WHEN ${groupingOf(l)} THEN ${value(l)}`).join(" ")} END`;
  const present = (l: LevelConfig) =>
    l.dimensions.length === 0 ? "true" : l.dimensions.map((d) => `${columnOf(d)} IS NOT NULL`).join(" AND ");
  return `INSERT INTO cube
    SELECT ${whenLevel((l) => quoteLiteral(l.name))} AS level, ${whenLevel(levelKeySql)} AS key, hour,
      coalesce(sum(count) FILTER (WHERE event_type = 'opportunity'), 0),
      coalesce(sum(count) FILTER (WHERE event_type = 'impression'), 0),
      coalesce(sum(count) FILTER (WHERE event_type = 'click'), 0),
      coalesce(sum(cost_micros), 0)
    FROM (SELECT *, date_trunc('hour', event_time) AS hour FROM events WHERE ${eventFilter})
    GROUP BY GROUPING SETS (${sets.join(", ")})
    HAVING ${whenLevel(present)}`;
}
