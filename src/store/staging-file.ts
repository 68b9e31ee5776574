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
 * An append-only CSV file written through a 1 MiB byte buffer: where an ingest run stages its rejected rows
 * before DuckDB loads them in one transaction. Memory stays bounded whatever the run's size.
 */
export class StagingFile {
  readonly path: string;
  rows = 0;
  /** The write buffer: bytes before `length` are pending lines. */
  private buffer: Buffer = Buffer.allocUnsafe(FLUSH_AT + (FLUSH_AT >> 2));
  private length = 0;
  private readonly fd: number;

  constructor(path: string) {
    this.path = path;
    this.fd = openSync(path, "w");
  }

  /** Appends one line (already CSV formatted, without the newline). */
  append(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and 1 for the newline.
    const needed = line.length * 3 + 1;
    if (this.length + needed > this.buffer.length) {
      this.flush();
      if (needed > this.buffer.length) this.buffer = Buffer.allocUnsafe(needed);
    }
    this.length += this.buffer.write(line, this.length, "utf8");
    this.buffer[this.length++] = 10;
    this.rows++;
    if (this.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    let written = 0;
    while (written < this.length) written += writeSync(this.fd, this.buffer, written, this.length - written);
    this.length = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
