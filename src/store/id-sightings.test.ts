import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSightings } from "./id-sightings.js";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("IdSightings", () => {
  it("IdSightings.repeatedSlots holds the slot of every id seen twice, and none of ids seen once", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 200 }), (ids) => {
        const sightings = new IdSightings();
        const slotOf = new Map<string, number>();
        for (const id of ids) slotOf.set(id, sightings.see(bytes(id), 0, bytes(id).length));
        const repeated = new Set(sightings.repeatedSlots());
        const counts = new Map<string, number>();
        for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
        const slotCounts = new Map<number, number>();
        for (const id of ids)
          slotCounts.set(slotOf.get(id) ?? -1, (slotCounts.get(slotOf.get(id) ?? -1) ?? 0) + 1);
        for (const [id, n] of counts) {
          const slot = slotOf.get(id) ?? -1;
          if (n > 1) expect(repeated.has(slot)).toBe(true);
          // An id seen once is left out unless another id shares its slot.
          expect(repeated.has(slot)).toBe((slotCounts.get(slot) ?? 0) > 1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("IdSightings gives an id the same slot from its bytes anywhere in a buffer or from its text", () => {
    const sightings = new IdSightings();
    const slot = sightings.see(bytes('{"event_id":"é-1"}'), 13, 17);
    expect(sightings.seeText("é-1")).toBe(slot);
    expect(sightings.repeatedSlots()).toEqual([slot]);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(slot).toBeLessThan(2 ** 26);
  });

  it("IdSightings spreads distinct ids over its slots", () => {
    const sightings = new IdSightings();
    const slots = new Set<number>();
    for (let i = 0; i < 100_000; i++) slots.add(sightings.seeText(`s7-${i.toString(36)}`));
    // 100,000 ids in 2^26 slots: about 75 pairs share a slot by chance.
    expect(slots.size).toBeGreaterThan(99_700);
  });

  it("IdSightings views of one buffer, as staging threads hold them, share their sightings", () => {
    const first = new IdSightings();
    const second = new IdSightings(first.buffer);
    const slotOnce = first.seeText("once");
    const slotTwice = first.seeText("twice");
    expect(second.seeText("twice")).toBe(slotTwice);
    expect(first.repeatedSlots()).toEqual([slotTwice]);
    expect(second.repeatedSlots()).toEqual([slotTwice]);
    expect(slotOnce).not.toBe(slotTwice);
  });
});
