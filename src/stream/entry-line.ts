/** The field of a stream entry that carries a whole event as JSON. */
export const EVENT_FIELD = "event";

/**
 * Turns a stream entry's fields (name, value, name, value, ...) into one NDJSON line. An entry with an `event`
 * field carries the event as JSON in it; an entry without one is the event itself, one field per event field
 * (values are text, read as a CSV row's are). An event without ingestion_time gets the entry's XADD time, so
 * a batch delivered again after a crash is an exact duplicate of the stored copy, not a newer one. Text that
 * is not a JSON object is kept (newlines folded) for validation to quarantine with its reason.
 *
 * @example
 * entryLine(["event", '{"event_id":"e1","event_type":"opportunity"}'], 1700000000000);
 * // '{"event_id":"e1","event_type":"opportunity","ingestion_time":1700000000000}'
 */
export function entryLine(fields: readonly string[], addedAt: number): string {
  let record: unknown;
  const eventAt = fields.indexOf(EVENT_FIELD);
  if (eventAt >= 0 && eventAt % 2 === 0) {
    const text = fields[eventAt + 1] ?? "";
    try {
      record = JSON.parse(text);
    } catch {
      return text.replace(/[\r\n]+/g, " ");
    }
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      return text.replace(/[\r\n]+/g, " ");
    }
  } else {
    const fieldRecord: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) fieldRecord[fields[i]] = fields[i + 1];
    record = fieldRecord;
  }
  const event = record as Record<string, unknown>;
  if (event.ingestion_time === undefined || event.ingestion_time === null || event.ingestion_time === "") {
    event.ingestion_time = addedAt;
  }
  return JSON.stringify(event);
}
