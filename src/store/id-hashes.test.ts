import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdHashes, idHash, repeatedHashes } from "./id-hashes.js";

const hashOf = (text: string) => {
  const bytes = Buffer.from(text, "utf8");
  return idHash(bytes, 0, bytes.length);
};

describe("idHash", () => {
  it("idHash depends on the id's bytes alone, wherever they sit in a buffer", () => {
    expect(idHash(Buffer.from('{"event_id":"é-1"}'), 13, 17)).toBe(hashOf("é-1"));
    expect(hashOf("a")).not.toBe(hashOf("b"));
  });

  it("idHash is an unsigned 32-bit integer that spreads ids like the demo's", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      const h = hashOf(`s7-${i.toString(36)}`);
      expect(h >>> 0).toBe(h);
      seen.add(h);
    }
    // 200,000 ids among 2^32 hashes: about 5 pairs share one by chance.
    expect(seen.size).toBeGreaterThan(199_950);
  });
});

describe("repeatedHashes", () => {
  it("repeatedHashes of lists sorted by IdHashes is every value present twice or more, once, in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (lists) => {
          const sorted = lists.map((values) => {
            const hashes = new IdHashes();
            for (const v of values) hashes.add(v);
            return hashes.sorted();
          });
          const counts = new Map<number, number>();
          for (const v of lists.flat()) counts.set(v, (counts.get(v) ?? 0) + 1);
          const expected = [...counts].filter(([, n]) => n > 1).map(([v]) => v);
          expect(repeatedHashes(sorted)).toEqual(expected.sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("IdHashes keeps every hash as it grows, large ones included", () => {
    const hashes = new IdHashes();
    for (let i = 0; i < 200_000; i++) hashes.add((i * 2654435761) >>> 0);
    hashes.add(0xffffffff);
    hashes.add(0xffffffff);
    const sorted = hashes.sorted();
    expect(sorted.length).toBe(200_002);
    expect(repeatedHashes([sorted])).toEqual([0xffffffff]);
    expect(repeatedHashes([Uint32Array.of(1, 4, 4), Uint32Array.of(2, 4, 7), Uint32Array.of(1)])).toEqual([
      1, 4,
    ]);
  });
});
