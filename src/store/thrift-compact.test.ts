import { describe, expect, it } from "vitest";
import { ThriftCompactWriter, ThriftType } from "./thrift-compact.js";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("ThriftCompactWriter", () => {
  it("writes field headers by id delta, and a long jump with the id itself", () => {
    const t = new ThriftCompactWriter();
    t.i32(1, 0);
    t.i32(20, 1);
    t.end();
    expect(t.bytes()).toEqual(bytes(0x15, 0x00, 0x05, 0x28, 0x02, 0x00));
  });

  it("writes integers as zigzag varints, negatives and large values included", () => {
    const t = new ThriftCompactWriter();
    t.i32(1, -1);
    t.i64(2, 300);
    t.i64(3, 2 ** 40);
    expect(t.bytes()).toEqual(bytes(0x15, 0x01, 0x16, 0xd8, 0x04, 0x16, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40));
  });

  it("writes strings as UTF-8 by length, and lists short and long", () => {
    const t = new ThriftCompactWriter();
    t.string(1, "é");
    t.list(2, ThriftType.I32, 2);
    t.listI32(0);
    t.listI32(3);
    t.list(3, ThriftType.BINARY, 15);
    for (let i = 0; i < 15; i++) t.listString("");
    expect(t.bytes()).toEqual(
      bytes(0x18, 0x02, 0xc3, 0xa9, 0x19, 0x25, 0x00, 0x06, 0x19, 0xf8, 0x0f, ...new Array(15).fill(0)),
    );
  });

  it("numbers the fields of a nested struct from zero and resumes the outer numbering after it", () => {
    const t = new ThriftCompactWriter();
    t.i32(1, 0);
    t.struct(5);
    t.i32(1, 2);
    t.end();
    t.list(6, ThriftType.STRUCT, 1);
    t.listStruct();
    t.i32(2, 1);
    t.end();
    t.i32(7, 0);
    t.end();
    expect(t.bytes()).toEqual(
      bytes(0x15, 0x00, 0x4c, 0x15, 0x04, 0x00, 0x19, 0x1c, 0x25, 0x02, 0x00, 0x15, 0x00, 0x00),
    );
  });

  it("refuses integers it cannot encode exactly", () => {
    expect(() => new ThriftCompactWriter().i64(1, 2 ** 60)).toThrow(/not a safe integer/);
    expect(() => new ThriftCompactWriter().i32(1, 1.5)).toThrow(/not a safe integer/);
  });
});
