/** Thrift compact-protocol type codes of a field or list element. */
export const ThriftType = {
  I32: 5,
  I64: 6,
  BINARY: 8,
  LIST: 9,
  STRUCT: 12,
} as const;

/**
 * Writes Thrift structs in the compact protocol, the encoding of Parquet's page headers and file footer: field
 * headers by id delta, integers as zigzag varints, strings by length. Only what Parquet metadata needs (i32,
 * i64, strings, lists, nested structs). Integers must be safe integers (|n| < 2^53).
 *
 * @example
 * const t = new ThriftCompactWriter();
 * t.i32(1, 0); // field 1: a PageType
 * t.end();     // the struct's stop byte
 * t.bytes();   // Uint8Array [0x15, 0x00, 0x00]
 */
export class ThriftCompactWriter {
  private out: number[] = [];
  /** The last field id of each open struct, innermost last. */
  private readonly lastField: number[] = [0];

  /** The bytes written so far. */
  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  i32(field: number, value: number): void {
    this.header(field, ThriftType.I32);
    this.varint(zigzag(value));
  }

  i64(field: number, value: number): void {
    this.header(field, ThriftType.I64);
    this.varint(zigzag(value));
  }

  string(field: number, value: string): void {
    this.header(field, ThriftType.BINARY);
    this.stringValue(value);
  }

  /** Opens a struct field; close it with `end`. */
  struct(field: number): void {
    this.header(field, ThriftType.STRUCT);
    this.lastField.push(0);
  }

  /** A list field's header; the elements follow (`listI32`, `listString`, or `listStruct` then `end`). */
  list(field: number, elementType: number, size: number): void {
    this.header(field, ThriftType.LIST);
    if (size < 15) {
      this.out.push((size << 4) | elementType);
    } else {
      this.out.push(0xf0 | elementType);
      this.varint(size);
    }
  }

  listI32(value: number): void {
    this.varint(zigzag(value));
  }

  listString(value: string): void {
    this.stringValue(value);
  }

  /** Opens a struct element of a list; close it with `end`. */
  listStruct(): void {
    this.lastField.push(0);
  }

  /** Ends the innermost open struct (or the top-level one). */
  end(): void {
    this.out.push(0);
    if (this.lastField.length > 1) this.lastField.pop();
  }

  private header(field: number, type: number): void {
    const last = this.lastField.length - 1;
    const delta = field - this.lastField[last];
    if (delta > 0 && delta <= 15) {
      this.out.push((delta << 4) | type);
    } else {
      this.out.push(type);
      this.varint(zigzag(field));
    }
    this.lastField[last] = field;
  }

  private stringValue(value: string): void {
    const encoded = Buffer.from(value, "utf8");
    this.varint(encoded.length);
    for (const byte of encoded) this.out.push(byte);
  }

  /** An unsigned LEB128 varint of a non-negative safe integer. */
  private varint(value: number): void {
    let rest = value;
    while (rest >= 128) {
      this.out.push((rest % 128) | 128);
      rest = Math.floor(rest / 128);
    }
    this.out.push(rest);
  }
}

function zigzag(value: number): number {
  if (!Number.isSafeInteger(value)) throw new Error(`thrift: ${value} is not a safe integer`);
  return value >= 0 ? value * 2 : -value * 2 - 1;
}
