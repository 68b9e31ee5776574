import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AllocationCampaign, allocate } from "./allocate.js";

/** Supply grid from rows of hourly values, one row per leaf. */
function grid(rows: number[][]) {
  return { supply: new Float64Array(rows.flat()), leafCount: rows.length, hours: rows[0].length };
}

function campaign(id: string, patch: Partial<AllocationCampaign>): AllocationCampaign {
  return { id, leaves: [0], start: 0, end: 1, goal: 0, priority: 0, pacing: "even", ...patch };
}

/** What a campaign took per leaf (rows) and hour, read back from its class's totals when it is alone there. */
function taken(a: ReturnType<typeof allocate>, priority: number, leaf: number): number[] {
  const from = (priority * a.leafCount + leaf) * a.hours;
  return Array.from(a.allocated.subarray(from, from + a.hours));
}

describe("allocate(input)", () => {
  it("serves the campaign with fewer eligible leaves first, so two campaigns sharing a leaf both fit", () => {
    // x wants 150 of leaf 0; y wants 200 of leaves 0 and 1. x first: alpha 0.75 of leaf 0 (75 + 75); y then
    // takes the 25 + 25 left on leaf 0 and alpha 0.75 of leaf 1 (75 + 75).
    const a = allocate({
      ...grid([
        [100, 100],
        [100, 100],
      ]),
      campaigns: [
        campaign("y", { leaves: [0, 1], end: 2, goal: 200 }),
        campaign("x", { leaves: [0], end: 2, goal: 150 }),
      ],
      buckets: new Int32Array([0, 1, 2]),
    });
    expect(a.campaigns.map((c) => [c.id, c.allocated, c.shortfall])).toEqual([
      ["x", 150, 0],
      ["y", 200, 0],
    ]);
    expect(Array.from(a.campaigns[0].byBucket)).toEqual([75, 75]);
    expect(Array.from(a.campaigns[1].byBucket)).toEqual([25, 25, 75, 75]);
    expect(taken(a, 0, 0)).toEqual([100, 100]);
    expect(taken(a, 0, 1)).toEqual([75, 75]);
  });

  it("serves priority before specificity: a broad guaranteed campaign goes before a narrow standard one", () => {
    const a = allocate({
      ...grid([[100], [100]]),
      campaigns: [
        campaign("narrow-standard", { leaves: [0], goal: 50, priority: 1 }),
        campaign("broad-guaranteed", { leaves: [0, 1], goal: 150, priority: 0 }),
      ],
    });
    expect(a.campaigns.map((c) => [c.id, c.allocated, c.shortfall])).toEqual([
      ["broad-guaranteed", 150, 0],
      ["narrow-standard", 25, 25],
    ]);
    expect([taken(a, 0, 0), taken(a, 0, 1), taken(a, 1, 0), taken(a, 1, 1)]).toEqual([[75], [75], [25], [0]]);
  });

  it("spreads an even goal in proportion to eligible supply, water-filling around hours others emptied", () => {
    // Hours of 100, 300, 600; an asap campaign first empties hour 0. The even one (goal 450) then takes the
    // same fraction 0.5 of hours 1 and 2, nothing of the emptied hour.
    const a = allocate({
      ...grid([[100, 300, 600]]),
      campaigns: [
        campaign("asap", { end: 3, goal: 100, pacing: "asap" }),
        campaign("even", { end: 3, goal: 450, priority: 1 }),
      ],
      buckets: new Int32Array([0, 1, 2, 3]),
    });
    expect(Array.from(a.campaigns[0].byBucket)).toEqual([100, 0, 0]);
    expect(Array.from(a.campaigns[1].byBucket)).toEqual([0, 150, 300]);
  });

  it("fills an asap goal hour by hour from the flight's start", () => {
    const a = allocate({
      ...grid([
        [10, 20, 30],
        [10, 20, 30],
      ]),
      campaigns: [campaign("a", { leaves: [0, 1], end: 3, goal: 50, pacing: "asap" })],
      buckets: new Int32Array([0, 1, 2, 3]),
    });
    expect(Array.from(a.campaigns[0].byBucket)).toEqual([10, 15, 0, 10, 15, 0]);
  });

  it("caps an overbooked goal at the supply left and reports the shortfall", () => {
    const a = allocate({
      ...grid([[40, 60]]),
      campaigns: [campaign("a", { end: 2, goal: 70 }), campaign("b", { end: 2, goal: 80, priority: 2 })],
    });
    expect(a.campaigns.map((c) => [c.id, c.allocated, c.shortfall])).toEqual([
      ["a", 70, 0],
      ["b", 30, 50],
    ]);
    expect(taken(a, 0, 0).map((x, h) => x + taken(a, 2, 0)[h])).toEqual([40, 60]);
  });

  it("prorates an even goal whose flight runs past the grid, and carries a remaining goal from hour 0", () => {
    const a = allocate({
      ...grid([[100, 100]]),
      campaigns: [
        campaign("past", { end: 4, goal: 100 }),
        campaign("started", { start: -5, end: 1, goal: 30 }),
      ],
    });
    const byId = Object.fromEntries(a.campaigns.map((c) => [c.id, c]));
    expect(byId.past.goal).toBe(50);
    expect(byId.started.allocated).toBe(30);
  });

  it("gives a campaign without eligible supply its whole goal as shortfall", () => {
    const a = allocate({ ...grid([[0, 0]]), campaigns: [campaign("a", { end: 2, goal: 10 })] });
    expect([a.campaigns[0].allocated, a.campaigns[0].shortfall]).toEqual([0, 10]);
  });

  it("never allocates more than the supply of a node nor more than a goal (random instances)", () => {
    const instance = fc.record({
      leafCount: fc.integer({ min: 1, max: 5 }),
      hours: fc.integer({ min: 1, max: 30 }),
      seed: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 150, maxLength: 150 }),
      campaigns: fc.array(
        fc.record({
          mask: fc.integer({ min: 1, max: 31 }),
          start: fc.integer({ min: -5, max: 29 }),
          length: fc.integer({ min: 1, max: 40 }),
          goal: fc.double({ min: 0, max: 20_000, noNaN: true }),
          priority: fc.integer({ min: 0, max: 2 }),
          asap: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(instance, ({ leafCount, hours, seed, campaigns }) => {
        const supply = new Float64Array(leafCount * hours).map((_, i) => seed[i % seed.length]);
        const a = allocate({
          supply,
          leafCount,
          hours,
          campaigns: campaigns.map((c, i) => ({
            id: `c${i}`,
            leaves: Array.from({ length: leafCount }, (_, l) => l).filter(
              (l) => ((c.mask >> l) & 1) === 1 || l === 0,
            ),
            start: c.start,
            end: c.start + c.length,
            goal: c.goal,
            priority: c.priority,
            pacing: c.asap ? "asap" : "even",
          })),
        });
        const size = leafCount * hours;
        for (let i = 0; i < size; i++) {
          const sum = a.allocated[i] + a.allocated[size + i] + a.allocated[2 * size + i];
          expect(sum).toBeLessThanOrEqual(supply[i] * (1 + 1e-9) + 1e-9);
        }
        for (const c of a.campaigns) {
          expect(c.allocated).toBeLessThanOrEqual(c.goal * (1 + 1e-9) + 1e-9);
          expect(c.allocated + c.shortfall).toBeCloseTo(c.goal, 6);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("names the parameter of a bad input", () => {
    const g = grid([[10, 10]]);
    const bad = (c: Partial<AllocationCampaign>) => () => allocate({ ...g, campaigns: [campaign("z", c)] });
    expect(bad({ leaves: [3] })).toThrow("campaigns[0] (z).leaves: unknown leaf 3 (leaves are 0..0)");
    expect(bad({ leaves: [0, 0] })).toThrow("campaigns[0] (z).leaves: leaf 0 given twice");
    expect(bad({ start: 1, end: 1 })).toThrow("campaigns[0] (z): empty flight (end 1 <= start 1)");
    expect(bad({ goal: -5 })).toThrow("campaigns[0] (z).goal: expected a finite number >= 0, got -5");
    expect(bad({ goal: Number.NaN })).toThrow("campaigns[0] (z).goal: ");
    expect(bad({ priority: 3 })).toThrow("campaigns[0] (z).priority: expected a class 0..2, got 3");
    expect(() => allocate({ ...g, supply: new Float64Array([1, Number.NaN]), campaigns: [] })).toThrow(
      "supply: leaf 0, hour 1 is NaN",
    );
    expect(() => allocate({ ...g, supply: new Float64Array(3), campaigns: [] })).toThrow(
      "supply: expected leafCount x hours = 2 values, got 3",
    );
    expect(() => allocate({ ...g, campaigns: [], buckets: new Int32Array([0, 1]) })).toThrow(
      "buckets: expected boundaries from 0 to 2",
    );
  });
});
