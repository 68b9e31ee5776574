import { closeSync, openSync, writeSync } from "node:fs";

const NEEDS_QUOTES = /[",\n\r]/;
const FLUSH_AT = 1 << 20;

/** Formats a text field for CSV, quoting only when needed. Null becomes an empty field (SQL NULL). */
export function csvField(value: string | null): string {
  if (value === null) return "";
  // An empty string must survive as an empty string, not NULL: quote it.
  if (value === "") return '""';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * An append-only CSV file written through a 1 MB buffer: the staging area an ingest run fills before DuckDB
 * loads it in one transaction. Memory stays bounded whatever the run's size.
 */
export class StagingFile {
  readonly path: string;
  rows = 0;
  private readonly fd: number;
  private lines: string[] = [];
  private chars = 0;

  constructor(path: string) {
    this.path = path;
    this.fd = openSync(path, "w");
  }

  /** Appends one line (already CSV formatted, without the newline). */
  append(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    this.rows++;
    if (this.chars >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.lines.length > 0) {
      this.lines.push("");
      writeSync(this.fd, this.lines.join("\n"));
      this.lines = [];
      this.chars = 0;
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
