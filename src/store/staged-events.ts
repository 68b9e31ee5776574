import type { Config } from "../config/schema.js";
import type { DeliveryEvent } from "../events/event.js";
import { ParquetFile } from "./parquet-file.js";
import { quoteIdentifier, quoteLiteral } from "./sql.js";

/**
 * Where each field of a staged event sits among the columns of a staging file: the fixed fields, the configured
 * dimensions from `firstDimension` on, then count, cost and the provenance a possibly late row keeps for
 * quarantine (its source and raw text; empty for the others). A missing campaign is staged as empty text.
 * Provenance columns start with an underscore, which no dimension name can.
 */
export const StagedColumn = {
  eventId: 0,
  eventType: 1,
  eventTime: 2,
  ingestionTime: 3,
  campaignId: 4,
  firstDimension: 5,
  /** The columns after the dimensions, counted from the first of them. */
  count: 0,
  costMicros: 1,
  source: 2,
  line: 3,
  raw: 4,
  /** The id's hash (idHash). */
  idHash: 5,
} as const;

/**
 * Creates the Parquet staging file of a run's valid events.
 *
 * @example
 * const file = createStagedEventsFile("/tmp/run/events-0.parquet", config);
 */
export function createStagedEventsFile(path: string, config: Config): ParquetFile {
  return new ParquetFile(path, [
    { name: "event_id", type: "utf8" },
    { name: "event_type", type: "utf8" },
    { name: "event_time", type: "int64" },
    { name: "ingestion_time", type: "int64" },
    { name: "campaign_id", type: "utf8" },
    ...config.dimensions.map((d) => ({ name: d.name, type: "utf8" as const })),
    { name: "count", type: "int64" },
    { name: "cost_micros", type: "int64" },
    { name: "_source", type: "utf8" },
    { name: "_line", type: "int64" },
    { name: "_raw", type: "utf8" },
    { name: "_id_hash", type: "int64" },
  ]);
}

/**
 * Appends a validated event to a staging file, with its ingestion time (the event's or the run's clock), the
 * hash of its id and, for a row that may turn out too late, its source and raw text.
 */
export function appendStagedEvent(
  file: ParquetFile,
  event: DeliveryEvent,
  ingestionTime: number,
  line: number,
  late: { source: string; raw: string } | null,
  idHash: number,
): void {
  const columns = file.columns;
  columns[StagedColumn.eventId].text(event.eventId);
  columns[StagedColumn.eventType].text(event.eventType);
  columns[StagedColumn.eventTime].int64(event.eventTime);
  columns[StagedColumn.ingestionTime].int64(ingestionTime);
  columns[StagedColumn.campaignId].text(event.campaignId ?? "");
  const tail = StagedColumn.firstDimension + event.dimensions.length;
  for (let d = 0; d < event.dimensions.length; d++) {
    columns[StagedColumn.firstDimension + d].text(event.dimensions[d]);
  }
  columns[tail + StagedColumn.count].int64(event.count);
  columns[tail + StagedColumn.costMicros].int64(event.costMicros);
  columns[tail + StagedColumn.source].text(late === null ? "" : late.source);
  columns[tail + StagedColumn.line].int64(line);
  columns[tail + StagedColumn.raw].text(late === null ? "" : late.raw);
  columns[tail + StagedColumn.idHash].int64(idHash);
  file.endRow();
}

/**
 * The SQL relation of the staged events in `paths`, typed as the store needs them (the empty campaign back to
 * NULL), or an empty relation of the same columns when there are no files.
 */
export function stagedEventsSql(paths: readonly string[], config: Config): string {
  const dims = config.dimensions.map((d) => quoteIdentifier(d.name));
  if (paths.length === 0) {
    const nulls = [
      "NULL::VARCHAR AS event_id",
      "NULL::VARCHAR AS event_type",
      "NULL::BIGINT AS event_time",
      "NULL::BIGINT AS ingestion_time",
      "NULL::VARCHAR AS campaign_id",
      ...dims.map((d) => `NULL::VARCHAR AS ${d}`),
      "NULL::BIGINT AS count",
      "NULL::BIGINT AS cost_micros",
      "NULL::VARCHAR AS _source",
      "NULL::BIGINT AS _line",
      "NULL::VARCHAR AS _raw",
      "NULL::BIGINT AS _id_hash",
    ];
    return `(SELECT ${nulls.join(", ")} WHERE false)`;
  }
  const columns = [
    "event_id",
    "event_type",
    "event_time",
    "ingestion_time",
    "nullif(campaign_id, '') AS campaign_id",
    ...dims,
    "count",
    "cost_micros",
    "_source",
    "_line",
    "_raw",
    "_id_hash",
  ];
  return `(SELECT ${columns.join(", ")} FROM read_parquet([${paths.map(quoteLiteral).join(", ")}]))`;
}
