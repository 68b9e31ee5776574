import type { QuarantineReason } from "./manifest.js";

/** The valid row a bad row is derived from (times as ISO 8601 UTC). */
export interface BadRowBase {
  /** A fresh id that no real event uses. */
  id: string;
  eventType: string;
  eventTime: string;
  ingestionTime: string;
  /** A campaign id, used by the kinds that need an impression. */
  campaignId: string;
  costMicros: number;
  geo: string;
  device: string;
  content: string;
  /** Picks between the two variants of bad_time and bad_type. */
  variant: boolean;
}

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  "event_id",
  "event_type",
  "event_time",
  "ingestion_time",
  "campaign_id",
  "geo",
  "device",
  "content",
  "count",
  "cost_micros",
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

/** RFC 4180: quote a field only when it holds a comma, a quote or a line break. */
function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * One bad row (with its line break) that the ingester must quarantine for exactly `reason` and for nothing
 * else: everything but the defect is valid. Rare (about 0.5% of rows), so it favours clarity over speed.
 *
 * @example
 * badRow("negative_cost", base, false); // '{"event_id":"bad-s42-1","event_type":"impression",...,"cost_micros":-2500}\n'
 */
export function badRow(reason: QuarantineReason, base: BadRowBase, csv: boolean): string {
  const sold = reason === "missing_field:campaign_id" || reason === "negative_cost";
  const type = sold ? "impression" : base.eventType;
  const row: Row = {
    event_id: base.id,
    event_type: type,
    event_time: base.eventTime,
    ingestion_time: base.ingestionTime,
    campaign_id: type === "opportunity" ? undefined : base.campaignId,
    geo: base.geo,
    device: base.device,
    content: base.content,
    count: undefined,
    cost_micros: type === "impression" ? base.costMicros : undefined,
  };
  switch (reason) {
    case "malformed":
      break;
    case "missing_field:event_id":
      row.event_id = undefined;
      break;
    case "missing_field:event_time":
      row.event_time = undefined;
      break;
    case "missing_field:geo":
      row.geo = undefined;
      break;
    case "missing_field:device":
      row.device = undefined;
      break;
    case "missing_field:campaign_id":
      row.campaign_id = undefined;
      break;
    case "unknown_event_type":
      row.event_type = "view";
      break;
    case "bad_time":
      row.event_time = base.variant ? `${base.eventTime.slice(0, 4)}-13-45T25:61:00Z` : "yesterday";
      break;
    case "bad_type":
      if (base.variant) row.count = "three";
      else row.cost_micros = "12x";
      break;
    case "negative_cost":
      row.cost_micros = -Math.max(1, base.costMicros);
      break;
    case "future_time":
      // A device with a broken clock: year 2100, same time of day.
      row.event_time = `2100-01-01${base.eventTime.slice(10)}`;
      break;
  }
  if (csv) {
    const fields = CSV_COLUMNS.map((c) => csvField(row[c]));
    // A line with the wrong number of fields.
    return `${(reason === "malformed" ? fields.slice(0, 6) : fields).join(",")}\n`;
  }
  const json = JSON.stringify(row);
  // Cut inside the object: the line can never parse.
  return `${reason === "malformed" ? json.slice(0, Math.floor(json.length * 0.6)) : json}\n`;
}
