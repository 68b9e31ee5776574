import { splitCsvRecord } from "../../events/split-csv-record.js";
import { parseIsoDate } from "../civil-date.js";
import { type CalendarEvent, eventId } from "./calendar-event.js";

const COLUMNS = ["name", "market", "start", "end"] as const;

/** Where each of the four columns is in a header, or an error naming the missing one. */
function eventColumns(header: readonly string[], where: string): Record<(typeof COLUMNS)[number], number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const at = (column: string) => {
    const index = names.indexOf(column);
    if (index === -1) {
      throw new Error(`${where}: the header has no "${column}" column (expected name,market,start,end)`);
    }
    return index;
  };
  return { name: at("name"), market: at("market"), start: at("start"), end: at("end") };
}

/**
 * The event of one record of an events file, or an error `<where>: <field>: <reason>`. The market is "*" or
 * a two-letter ISO 3166-1 code (any: a market without a built-in calendar takes its holidays from the file);
 * an empty end means a one-day event.
 */
function eventFromFields(
  fields: readonly string[],
  columns: Record<(typeof COLUMNS)[number], number>,
  where: string,
): CalendarEvent {
  const width = Math.max(columns.name, columns.market, columns.start, columns.end) + 1;
  if (fields.length < width) throw new Error(`${where}: expected ${width} fields, got ${fields.length}`);
  const name = fields[columns.name].trim();
  const id = eventId(name);
  if (id === "") throw new Error(`${where}: name: ${JSON.stringify(name)} has no letters or digits`);
  const market = fields[columns.market].trim().toUpperCase();
  if (market !== "*" && !/^[A-Z]{2}$/.test(market)) {
    throw new Error(
      `${where}: market: ${JSON.stringify(fields[columns.market])} is not * or a two-letter ISO 3166-1 code`,
    );
  }
  const start = fields[columns.start].trim();
  if (Number.isNaN(parseIsoDate(start))) {
    throw new Error(`${where}: start: ${JSON.stringify(start)} is not a date (YYYY-MM-DD)`);
  }
  const end = fields[columns.end].trim() || start;
  if (Number.isNaN(parseIsoDate(end))) {
    throw new Error(`${where}: end: ${JSON.stringify(end)} is not a date (YYYY-MM-DD)`);
  }
  if (end < start) throw new Error(`${where}: end: ${end} is before start ${start}`);
  return { id, name, market, start, end };
}

/**
 * Parses an events file: CSV with a header naming the columns `name,market,start,end` (any order, other
 * columns ignored), one event a record, dates `YYYY-MM-DD` local to the market, the range inclusive (an empty
 * end is a one-day event), market `*` for every market or a two-letter ISO 3166-1 code (case-insensitive;
 * codes without a built-in calendar are allowed). Events sharing a name share an id, hence one regressor.
 * Throws on the first bad record, naming the line and the field: `events.csv:4: start: "2026-02-30" is not a
 * date (YYYY-MM-DD)`.
 *
 * @param source the file name errors start with
 * @example
 * parseEventsCsv("name,market,start,end\nDiwali,IN,2026-11-08,2026-11-08\n");
 * // [{ id: "diwali", name: "Diwali", market: "IN", start: "2026-11-08", end: "2026-11-08" }]
 */
export function parseEventsCsv(text: string, source = "events"): CalendarEvent[] {
  const lines = text.split(/\r?\n/);
  const events: CalendarEvent[] = [];
  let columns: Record<(typeof COLUMNS)[number], number> | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const first = i;
    let record = lines[i];
    let fields = splitCsvRecord(record);
    // A quoted field may hold a line break: join lines until it closes.
    while (fields === null && i + 1 < lines.length) {
      record = `${record}\n${lines[++i]}`;
      fields = splitCsvRecord(record);
    }
    const where = `${source}:${first + 1}`;
    if (fields === null) throw new Error(`${where}: unterminated quoted field`);
    if (columns === undefined) columns = eventColumns(fields, where);
    else events.push(eventFromFields(fields, columns, where));
  }
  if (columns === undefined)
    throw new Error(`${source}: empty file; expected a header name,market,start,end`);
  return events;
}
