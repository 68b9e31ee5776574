import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AllocationCampaign, allocate } from "./allocate.js";
import { allocationCampaigns } from "./allocation-campaigns.js";
import { indexAvails } from "./avails-index.js";
import { breakdownLeaves, parseLeafSet, targetedLeaves } from "./leaf-set.js";
import { dayBuckets, periodBounds } from "./period-bounds.js";
import { queryAvails } from "./query-avails.js";

/**
 * Two leaves (0 = geo=SE, 1 = geo=NO), two days of 24 hours with 10 an hour on SE and 5 an hour on NO.
 * g (guaranteed, SE, day 1, goal 120) takes half of SE on day 1; s (standard, SE+NO, both days, goal 180)
 * takes alpha = 0.25 of each node: SE day 1 2.5/h of the 5 left, SE day 2 2.5/h, NO 1.25/h.
 */
function fixture() {
  const hours = 48;
  const supply = new Float64Array(2 * hours);
  supply.fill(10, 0, hours);
  supply.fill(5, hours);
  const campaigns: AllocationCampaign[] = [
    { id: "s", leaves: [0, 1], start: 0, end: 48, goal: 180, priority: 1, pacing: "even" },
    { id: "g", leaves: [0], start: 0, end: 24, goal: 120, priority: 0, pacing: "even" },
  ];
  const allocation = allocate({ supply, leafCount: 2, hours, campaigns });
  return { supply, allocation, index: indexAvails(supply, allocation) };
}

describe("queryAvails(index, query)", () => {
  it("gives matched, booked, available and possible per interval and for the period", () => {
    const { index } = fixture();
    const answer = queryAvails(index, { leaves: [0], bounds: [0, 24, 48], priority: 1 });
    expect(answer.intervals).toEqual([
      { start: 0, end: 24, matched: 240, booked: 180, available: 60, possible: 120, higher: 120 },
      { start: 24, end: 48, matched: 240, booked: 60, available: 180, possible: 240, higher: 0 },
    ]);
    expect(answer.total).toEqual({ matched: 480, booked: 240, available: 240, possible: 360, higher: 120 });
  });

  it("keeps everything possible for a query at the top priority, nothing being above it", () => {
    const { index } = fixture();
    const { total } = queryAvails(index, { leaves: [0, 1], bounds: [0, 48] });
    expect(total).toEqual({ matched: 720, booked: 300, available: 420, possible: 720, higher: 0 });
  });

  it("lists the contending campaigns with the impressions each takes from the query's leaves in the period", () => {
    const { index } = fixture();
    expect(queryAvails(index, { leaves: [0], bounds: [0, 24] }).contending).toEqual([
      { id: "g", priority: 0, impressions: 120 },
      { id: "s", priority: 1, impressions: 60 },
    ]);
    expect(queryAvails(index, { leaves: [1], bounds: [24, 48] }).contending).toEqual([
      { id: "s", priority: 1, impressions: 30 },
    ]);
    // g's flight is over on day 2 and it never targets NO.
    expect(queryAvails(index, { leaves: [0], bounds: [24, 48] }).contending.map((c) => c.id)).toEqual(["s"]);
  });

  it("totals each breakdown subset over the period", () => {
    const { index } = fixture();
    const answer = queryAvails(index, {
      leaves: [0, 1],
      bounds: [0, 12, 24],
      priority: 2,
      breakdown: [
        { label: "geo=SE", leaves: [0] },
        { label: "geo=NO", leaves: [1] },
      ],
    });
    expect(answer.breakdown).toEqual([
      { label: "geo=SE", matched: 240, booked: 180, available: 60, possible: 60, higher: 180 },
      { label: "geo=NO", matched: 120, booked: 30, available: 90, possible: 90, higher: 30 },
    ]);
  });

  it("keeps available <= matched and possible >= available on random allocations and queries", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 96, maxLength: 96 }),
        fc.array(
          fc.record({
            leaves: fc.subarray([0, 1, 2, 3], { minLength: 1 }),
            start: fc.integer({ min: 0, max: 23 }),
            goal: fc.double({ min: 0, max: 2000, noNaN: true }),
            priority: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 6 },
        ),
        fc.subarray([0, 1, 2, 3], { minLength: 1 }),
        fc.integer({ min: 0, max: 2 }),
        (supply, specs, leaves, priority) => {
          const s = Float64Array.from(supply);
          const allocation = allocate({
            supply: s,
            leafCount: 4,
            hours: 24,
            buckets: new Int32Array([0, 12, 24]),
            campaigns: specs.map((c, i) => ({ id: `c${i}`, ...c, end: 24, pacing: "even" as const })),
          });
          const answer = queryAvails(indexAvails(s, allocation), {
            leaves,
            bounds: [0, 6, 12, 24],
            priority,
          });
          for (const f of [...answer.intervals, answer.total]) {
            expect(f.available).toBeGreaterThanOrEqual(0);
            expect(f.available).toBeLessThanOrEqual(f.matched);
            expect(f.possible).toBeGreaterThanOrEqual(f.available);
            expect(f.possible).toBeLessThanOrEqual(f.matched);
          }
          const contended = answer.contending.reduce((sum, c) => sum + c.impressions, 0);
          // Contenders below a millionth of an impression are left out as rounding.
          const slack = 1e-6 * specs.length + 1e-9 * answer.total.booked;
          expect(Math.abs(contended - answer.total.booked)).toBeLessThanOrEqual(slack);
          // Bounds on bucket boundaries read the day-resolution sums: the same totals as the hourly ones.
          const byBucket = queryAvails(indexAvails(s, allocation), { leaves, bounds: [0, 12, 24], priority });
          expect(byBucket.total.matched).toBeCloseTo(answer.total.matched, 6);
          expect(byBucket.total.booked).toBeCloseTo(answer.total.booked, 6);
          expect(byBucket.total.possible).toBeCloseTo(answer.total.possible, 6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("names the parameter of a bad query", () => {
    const { index } = fixture();
    expect(() => queryAvails(index, { leaves: [2], bounds: [0, 24] })).toThrow(
      "leaves: unknown leaf 2 (leaves are 0..1)",
    );
    expect(() => queryAvails(index, { leaves: [0, 0], bounds: [0, 24] })).toThrow(
      "leaves: leaf 0 given twice",
    );
    expect(() => queryAvails(index, { leaves: [0], bounds: [0, 49] })).toThrow(
      "bounds: hour 49 is outside the forecast (0..48)",
    );
    expect(() => queryAvails(index, { leaves: [0], bounds: [24, 24] })).toThrow(
      "bounds: hour 24 does not follow 24",
    );
    expect(() => queryAvails(index, { leaves: [0], bounds: [0] })).toThrow(
      "bounds: expected at least a start",
    );
    expect(() => queryAvails(index, { leaves: [0], bounds: [3, 24] })).toThrow(
      "bounds: the period's start (hour 3) is not a bucket boundary",
    );
    expect(() => queryAvails(index, { leaves: [0], bounds: [0, 24], priority: 5 })).toThrow(
      "priority: expected a class 0..2, got 5",
    );
    // A failed query leaves no leaf marked for the next one.
    expect(queryAvails(index, { leaves: [0], bounds: [0, 24] }).total.matched).toBe(240);
  });
});

describe("queryAvails over stored campaigns, wired as docs/avails-query.md shows", () => {
  it("answers a targeting and days in the reporting time zone from campaigns as the store keeps them", () => {
    const leafSet = parseLeafSet(["geo=NO|device=mobile", "geo=SE|device=mobile"]);
    const grid = { start: Date.UTC(2026, 11, 1), hours: 48 };
    const supply = new Float64Array(96).fill(10);
    const base = {
      advertiser: null,
      pacing: "even" as const,
      cpm_micros: null,
      end: "2026-12-01",
      time_zone: "UTC",
      frontload_percent: null,
      budget_micros: null,
      daily_cap: null,
    };
    const campaigns = allocationCampaigns(
      [
        {
          ...base,
          id: "c1",
          name: "SE",
          targeting: { geo: ["SE"] },
          start: "2026-12-01",
          priority: "guaranteed",
          goal_impressions: 120,
        },
        {
          ...base,
          id: "c2",
          name: "all",
          targeting: {},
          start: "2026-12-01",
          end: "2026-12-02",
          priority: "standard",
          goal_impressions: 240,
        },
      ],
      leafSet,
      grid,
      "UTC",
    );
    const allocation = allocate({
      supply,
      leafCount: 2,
      hours: 48,
      campaigns,
      buckets: dayBuckets(grid, "UTC"),
    });
    const index = indexAvails(supply, allocation);
    const targeting = { geo: ["SE"] };
    const answer = queryAvails(index, {
      leaves: targetedLeaves(leafSet, targeting),
      bounds: periodBounds(grid, "2026-12-01", "2026-12-02", "day", "UTC"),
      priority: 1,
      breakdown: breakdownLeaves(leafSet, targeting),
    });
    // c1 takes 5 an hour of SE on Dec 1; c2 then takes 2.5 an hour of every leaf (alpha 0.25) over both days.
    expect(answer.intervals.map((i) => [i.matched, i.booked, i.available, i.possible])).toEqual([
      [240, 180, 60, 120],
      [240, 60, 180, 240],
    ]);
    expect(answer.contending).toEqual([
      { id: "c1", priority: 0, impressions: 120 },
      { id: "c2", priority: 1, impressions: 120 },
    ]);
    expect(answer.breakdown.map((b) => [b.label, b.available])).toEqual([["geo=SE", 240]]);
  });
});
