import { type RawRow, ROW_BATCH_SIZE } from "./raw-row.js";
import { readTextLines } from "./read-text-lines.js";

/**
 * Reads newline-delimited JSON (optionally .gz) as batches of raw rows. Blank lines are skipped; a line that
 * is not a JSON object becomes a row with a null record and the parse error.
 *
 * @example
 * for await (const rows of readNdjson("events.ndjson")) for (const row of rows) console.log(row.line, row.record);
 */
export async function* readNdjson(path: string): AsyncGenerator<RawRow[]> {
  let lineNumber = 0;
  for await (const lines of readTextLines(path, ROW_BATCH_SIZE)) {
    const rows: RawRow[] = [];
    for (const text of lines) {
      lineNumber++;
      if (text.trim() !== "") rows.push(parseNdjsonLine(text, lineNumber));
    }
    if (rows.length > 0) yield rows;
  }
}

/**
 * Parses one non-blank NDJSON line into a raw row: its record, or a null record with the reason.
 *
 * @example
 * parseNdjsonLine('{"event_id":"e1"}', 7); // { line: 7, raw: '{"event_id":"e1"}', record: { event_id: "e1" } }
 * parseNdjsonLine("[1]", 8).error;         // "not a JSON object"
 */
export function parseNdjsonLine(text: string, line: number): RawRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, raw: text, record: null, error: (error as Error).message };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { line, raw: text, record: null, error: "not a JSON object" };
  }
  return { line, raw: text, record: value as Record<string, unknown> };
}
