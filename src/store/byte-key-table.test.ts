import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteKeyTable } from "./byte-key-table.js";

describe("ByteKeyTable", () => {
  it("ByteKeyTable.get finds a value by a slice of any buffer, and nothing for a key never set", () => {
    const table = new ByteKeyTable(4);
    expect(table.set(Buffer.from("se"), 0, 2, Buffer.from("SE"))).toBe(true);
    expect(table.get(Buffer.from('{"geo":"se"}'), 8, 10)).toEqual(Buffer.from("SE"));
    expect(table.get(Buffer.from("s"), 0, 1)).toBeUndefined();
    expect(table.get(Buffer.from("sex"), 0, 3)).toBeUndefined();
    expect(table.get(Buffer.from(""), 0, 0)).toBeUndefined();
  });

  it("ByteKeyTable.set copies the key, so the buffer it came from can change", () => {
    const table = new ByteKeyTable(4);
    const source = Buffer.from("tv");
    table.set(source, 0, 2, Buffer.from("TV"));
    source.write("xx");
    expect(table.get(Buffer.from("tv"), 0, 2)).toEqual(Buffer.from("TV"));
  });

  it("ByteKeyTable.set refuses entries past its capacity", () => {
    const table = new ByteKeyTable(2);
    expect(table.set(Buffer.from("a"), 0, 1, Buffer.from("A"))).toBe(true);
    expect(table.set(Buffer.from("b"), 0, 1, Buffer.from("B"))).toBe(true);
    expect(table.set(Buffer.from("c"), 0, 1, Buffer.from("C"))).toBe(false);
    expect(table.get(Buffer.from("c"), 0, 1)).toBeUndefined();
    expect(table.get(Buffer.from("b"), 0, 1)).toEqual(Buffer.from("B"));
  });

  it("ByteKeyTable behaves as a Map of the keys' text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }), (keys) => {
        const table = new ByteKeyTable(64);
        const map = new Map<string, string>();
        for (const key of keys) {
          const bytes = Buffer.from(`<${key}>`);
          const found = table.get(bytes, 1, bytes.length - 1);
          expect(found === undefined ? undefined : found.toString()).toBe(map.get(key));
          if (found === undefined) {
            table.set(bytes, 1, bytes.length - 1, Buffer.from(key.toUpperCase()));
            map.set(key, key.toUpperCase());
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
