import { closeSync, openSync, writeSync } from "node:fs";
import { ThriftCompactWriter, ThriftType } from "./thrift-compact.js";

/** A column of a ParquetFile: 64-bit integers, or UTF-8 text. Every column is required (no nulls). */
export interface ParquetColumnSpec {
  name: string;
  type: "int64" | "utf8";
}

// Parquet's enums (parquet.thrift).
const INT64 = 2;
const BYTE_ARRAY = 6;
const REQUIRED = 0;
const UTF8 = 0;
const PLAIN = 0;
const RLE = 3;
const UNCOMPRESSED = 0;
const DATA_PAGE = 0;

const MAGIC = Buffer.from("PAR1");
const ROW_GROUP_ROWS = 65_536;
const ROW_GROUP_BYTES = 32 << 20;
const TWO_32 = 4_294_967_296;

/** One column's values of the row group being filled: PLAIN-encoded bytes in `buffer` before `length`. */
export class ParquetColumn {
  buffer: Buffer = Buffer.allocUnsafe(1 << 16);
  length = 0;

  /** Makes room for `bytes` more bytes. */
  ensure(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** Appends a non-negative integer below 2^53 as a little-endian INT64. */
  int64(value: number): void {
    this.ensure(8);
    const buffer = this.buffer;
    const p = this.length;
    const low = value >>> 0;
    const high = Math.floor(value / TWO_32);
    buffer[p] = low;
    buffer[p + 1] = low >>> 8;
    buffer[p + 2] = low >>> 16;
    buffer[p + 3] = low >>> 24;
    buffer[p + 4] = high;
    buffer[p + 5] = high >>> 8;
    buffer[p + 6] = high >>> 16;
    buffer[p + 7] = 0;
    this.length = p + 8;
  }

  /** Appends a value already encoded (`plainText`). */
  plain(encoded: Uint8Array): void {
    this.ensure(encoded.length);
    const buffer = this.buffer;
    const p = this.length;
    for (let k = 0; k < encoded.length; k++) buffer[p + k] = encoded[k];
    this.length = p + encoded.length;
  }

  /** Appends the UTF-8 bytes `bytes[start, end)` as a BYTE_ARRAY value (length, then bytes). */
  utf8Bytes(bytes: Uint8Array, start: number, end: number): void {
    const length = end - start;
    this.ensure(4 + length);
    const buffer = this.buffer;
    let p = this.length;
    buffer[p] = length;
    buffer[p + 1] = length >>> 8;
    buffer[p + 2] = length >>> 16;
    buffer[p + 3] = length >>> 24;
    p += 4;
    for (let k = start; k < end; k++) buffer[p++] = bytes[k];
    this.length = p;
  }

  /** Appends text as a BYTE_ARRAY value of its UTF-8 bytes. */
  text(value: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.ensure(4 + value.length * 3);
    const written = this.buffer.write(value, this.length + 4, "utf8");
    this.buffer.writeUInt32LE(written, this.length);
    this.length += 4 + written;
  }
}

/**
 * The PLAIN encoding of a text value (its UTF-8 length, then its bytes), for a value written many times.
 *
 * @example
 * plainText("tv"); // Uint8Array [2, 0, 0, 0, 116, 118]
 */
export function plainText(value: string | Uint8Array): Uint8Array {
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  const encoded = new Uint8Array(4 + bytes.length);
  new DataView(encoded.buffer).setUint32(0, bytes.length, true);
  encoded.set(bytes, 4);
  return encoded;
}

/**
 * A Parquet file written row by row, in the simplest form of the format DuckDB reads at full speed: required
 * INT64 and UTF-8 BYTE_ARRAY columns, PLAIN encoding, no compression, one data page per column chunk, row
 * groups of up to 65,536 rows or about 32 MiB (so a reader can split the file among its threads, and a page
 * stays far below the format's 2 GiB). Rows are appended by writing one value into every column, then
 * `endRow`; memory stays bounded by one row group.
 * Spec: https://github.com/apache/parquet-format (parquet.thrift, Encodings.md).
 *
 * @example
 * const file = new ParquetFile("/tmp/x.parquet", [{ name: "id", type: "utf8" }, { name: "n", type: "int64" }]);
 * file.columns[0].text("a");
 * file.columns[1].int64(7);
 * file.endRow();
 * file.close();
 */
export class ParquetFile {
  readonly path: string;
  readonly columns: ParquetColumn[];
  /** Rows written, including those of the row group being filled. */
  rows = 0;
  private readonly fd: number;
  private offset = 0;
  private groupRows = 0;
  private readonly rowGroups: { rows: number; bytes: number; chunks: { offset: number; size: number }[] }[] =
    [];

  constructor(
    path: string,
    private readonly specs: readonly ParquetColumnSpec[],
  ) {
    this.path = path;
    this.columns = specs.map(() => new ParquetColumn());
    this.fd = openSync(path, "w");
    this.write(MAGIC);
  }

  /** Ends the row whose values were just appended to every column. */
  endRow(): void {
    this.rows++;
    if (++this.groupRows >= ROW_GROUP_ROWS) {
      this.flushRowGroup();
    } else if ((this.groupRows & 63) === 0) {
      let bytes = 0;
      for (const column of this.columns) bytes += column.length;
      if (bytes >= ROW_GROUP_BYTES) this.flushRowGroup();
    }
  }

  /** Writes the last row group and the footer, and closes the file. */
  close(): void {
    try {
      this.flushRowGroup();
      const footer = this.footer();
      this.write(footer);
      const length = Buffer.allocUnsafe(4);
      length.writeUInt32LE(footer.length);
      this.write(length);
      this.write(MAGIC);
    } finally {
      closeSync(this.fd);
    }
  }

  private write(bytes: Uint8Array, length = bytes.length): void {
    let written = 0;
    while (written < length) written += writeSync(this.fd, bytes, written, length - written);
    this.offset += length;
  }

  private flushRowGroup(): void {
    if (this.groupRows === 0) return;
    const chunks: { offset: number; size: number }[] = [];
    let bytes = 0;
    for (const column of this.columns) {
      const header = new ThriftCompactWriter();
      header.i32(1, DATA_PAGE);
      header.i32(2, column.length);
      header.i32(3, column.length);
      header.struct(5);
      header.i32(1, this.groupRows);
      header.i32(2, PLAIN);
      header.i32(3, RLE);
      header.i32(4, RLE);
      header.end();
      header.end();
      const headerBytes = header.bytes();
      const offset = this.offset;
      this.write(headerBytes);
      this.write(column.buffer, column.length);
      chunks.push({ offset, size: headerBytes.length + column.length });
      bytes += headerBytes.length + column.length;
      column.length = 0;
    }
    this.rowGroups.push({ rows: this.groupRows, bytes, chunks });
    this.groupRows = 0;
  }

  private footer(): Uint8Array {
    const t = new ThriftCompactWriter();
    t.i32(1, 1); // version
    t.list(2, ThriftType.STRUCT, this.specs.length + 1);
    t.listStruct();
    t.string(4, "schema");
    t.i32(5, this.specs.length);
    t.end();
    for (const spec of this.specs) {
      t.listStruct();
      t.i32(1, spec.type === "int64" ? INT64 : BYTE_ARRAY);
      t.i32(3, REQUIRED);
      t.string(4, spec.name);
      if (spec.type === "utf8") t.i32(6, UTF8);
      t.end();
    }
    t.i64(3, this.rows);
    t.list(4, ThriftType.STRUCT, this.rowGroups.length);
    for (const group of this.rowGroups) {
      t.listStruct();
      t.list(1, ThriftType.STRUCT, group.chunks.length);
      group.chunks.forEach((chunk, c) => {
        const spec = this.specs[c];
        t.listStruct();
        t.i64(2, chunk.offset);
        t.struct(3);
        t.i32(1, spec.type === "int64" ? INT64 : BYTE_ARRAY);
        t.list(2, ThriftType.I32, 2);
        t.listI32(PLAIN);
        t.listI32(RLE);
        t.list(3, ThriftType.BINARY, 1);
        t.listString(spec.name);
        t.i32(4, UNCOMPRESSED);
        t.i64(5, group.rows);
        t.i64(6, chunk.size);
        t.i64(7, chunk.size);
        t.i64(9, chunk.offset);
        t.end();
        t.end();
      });
      t.i64(2, group.bytes);
      t.i64(3, group.rows);
      t.end();
    }
    t.string(6, "avails");
    t.end();
    return t.bytes();
  }
}
