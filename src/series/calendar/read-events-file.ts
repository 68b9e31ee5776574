import { readFile } from "node:fs/promises";
import type { CalendarEvent } from "./calendar-event.js";
import { parseEventsCsv } from "./parse-events-csv.js";

/**
 * Reads a user events file (see parseEventsCsv for the format); errors name the file, the line and the field.
 *
 * @example
 * const events = await readEventsFile("events.csv");
 */
export async function readEventsFile(path: string): Promise<CalendarEvent[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String(error);
    throw new Error(`cannot read events file ${path}: ${reason}`);
  }
  return parseEventsCsv(text, path);
}
