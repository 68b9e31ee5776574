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
 * An append-only CSV file written through a 1 MiB byte buffer: the staging area an ingest run fills before
 * DuckDB loads it in one transaction. Memory stays bounded whatever the run's size. Lines arrive as text
 * (`append`) or as bytes written straight into `buffer` from `length` on (`reserve`, then `endLine`), which
 * spares the hot path building a string per row.
 */
export class StagingFile {
  readonly path: string;
  rows = 0;
  /** The write buffer: bytes before `length` are pending lines. */
  buffer: Buffer = Buffer.allocUnsafe(FLUSH_AT + (FLUSH_AT >> 2));
  /** Where the next line starts in `buffer`. */
  length = 0;
  private readonly fd: number;

  constructor(path: string) {
    this.path = path;
    this.fd = openSync(path, "w");
  }

  /** Appends one line (already CSV formatted, without the newline). */
  append(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and 1 for the newline.
    this.reserve(line.length * 3 + 1);
    this.endLine(this.length + this.buffer.write(line, this.length, "utf8"));
  }

  /** Makes room for a line of up to `bytes` bytes (newline included) at `length`. */
  reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  /** Ends the line the caller wrote into `buffer` from `length` to `end` (after `reserve`). */
  endLine(end: number): void {
    this.buffer[end] = 10;
    this.length = end + 1;
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
