import { describe, expect, it } from "vitest";
import type { AdjustmentSpec } from "./adjustment.js";
import { type AdjustmentGrid, applyAdjustments } from "./apply-adjustments.js";
import { scalePathsByDay } from "./scale-paths-by-day.js";

const LEAVES: Record<string, string>[] = [
  { geo: "SE", device: "mobile" },
  { geo: "SE", device: "desktop" },
  { geo: "NO", device: "mobile" },
  { geo: "DK" },
];

/** Three days of 24 hours from 2026-12-01; the horizon starts at hour 6 of the first (a partial day). */
function grid(): AdjustmentGrid {
  const hours = 18 + 24 + 24;
  const dayOfHour = new Int32Array(hours);
  for (let h = 0; h < hours; h++) dayOfHour[h] = h < 18 ? 0 : h < 42 ? 1 : 2;
  return {
    leaves: LEAVES,
    hours,
    days: ["2026-12-01", "2026-12-02", "2026-12-03"],
    dayOfHour,
    dayHours: new Int32Array([24, 24, 24]),
  };
}

/** Leaf l, hour h: (l + 1) * (10 + h % 24), a daily shape scaled per leaf. */
function means(g = grid()): Float64Array {
  const m = new Float64Array(g.leaves.length * g.hours);
  for (let l = 0; l < g.leaves.length; l++)
    for (let h = 0; h < g.hours; h++) m[l * g.hours + h] = (l + 1) * (10 + ((h + 6) % 24));
  return m;
}

function adjustment(over: Partial<AdjustmentSpec> & { id?: number }): AdjustmentSpec & { id?: number } {
  return {
    id: 1,
    name: "a",
    targeting: { geo: ["SE"] },
    start: "2026-12-02",
    end: "2026-12-02",
    kind: "percent",
    value: 15,
    ...over,
  };
}

function daySum(m: Float64Array, g: AdjustmentGrid, leaves: number[], day: number): number {
  let s = 0;
  for (const l of leaves)
    for (let h = 0; h < g.hours; h++) if (g.dayOfHour[h] === day) s += m[l * g.hours + h];
  return s;
}

describe("applyAdjustments", () => {
  it("applyAdjustments(percent) scales the matching leaves on its days only, and leaves the input alone", () => {
    const g = grid();
    const input = means(g);
    const copy = Float64Array.from(input);
    const { means: out, factors, report } = applyAdjustments([adjustment({})], input, g);
    expect(input).toEqual(copy);
    for (let l = 0; l < 4; l++) {
      for (let h = 0; h < g.hours; h++) {
        const scaled = l < 2 && g.dayOfHour[h] === 1;
        expect(out[l * g.hours + h]).toBeCloseTo(input[l * g.hours + h] * (scaled ? 1.15 : 1), 12);
      }
    }
    expect([...factors]).toEqual([1, 1.15, 1, 1, 1.15, 1, 1, 1, 1, 1, 1, 1]);
    const before = daySum(input, g, [0, 1], 1);
    expect(report).toEqual([
      {
        id: 1,
        name: "a",
        kind: "percent",
        value: 15,
        series: 2,
        days: 1,
        before,
        after: before * 1.15,
        notes: [],
      },
    ]);
  });

  it("applyAdjustments(daily_volume) makes the segment's day sum the volume, keeping each leaf's share and hour shape", () => {
    const g = grid();
    const input = means(g);
    const spec = adjustment({ kind: "daily_volume", value: 50_000, start: "2026-12-01", end: "2026-12-03" });
    const { means: out, report } = applyAdjustments([spec], input, g);
    // Full days get the volume; the first day has 18 of its 24 hours in the horizon.
    expect(daySum(out, g, [0, 1], 0)).toBeCloseTo((50_000 * 18) / 24, 6);
    expect(daySum(out, g, [0, 1], 1)).toBeCloseTo(50_000, 6);
    expect(daySum(out, g, [0, 1], 2)).toBeCloseTo(50_000, 6);
    for (let h = 0; h < g.hours; h++) {
      // Leaf 1 stays twice leaf 0 at every hour: shares and hour shape kept.
      expect(out[g.hours + h] / out[h]).toBeCloseTo(2, 12);
      expect(out[2 * g.hours + h]).toBe(input[2 * g.hours + h]);
    }
    expect(report[0]).toMatchObject({ series: 2, days: 3, notes: [] });
    expect(report[0].after).toBeCloseTo(50_000 * (2 + 18 / 24), 6);
  });

  it("applyAdjustments matches several values of a dimension, all targeted dimensions, and not leaves lacking one", () => {
    const g = grid();
    const spec = adjustment({ targeting: { geo: ["SE", "NO", "DK"], device: ["mobile"] } });
    const { report, factors } = applyAdjustments([spec], means(g), g);
    expect(report[0].series).toBe(2);
    expect([factors[0 * 3 + 1], factors[1 * 3 + 1], factors[2 * 3 + 1], factors[3 * 3 + 1]]).toEqual([
      1.15, 1, 1.15, 1,
    ]);
    // Empty targeting: every leaf.
    expect(applyAdjustments([adjustment({ targeting: {} })], means(g), g).report[0].series).toBe(4);
  });

  it("applyAdjustments applies in order: a volume after a percent wins, a percent after a volume scales it", () => {
    const g = grid();
    const volume = adjustment({ id: 2, kind: "daily_volume", value: 1000 });
    const percent = adjustment({ id: 3, value: -50 });
    const first = applyAdjustments([percent, volume], means(g), g);
    expect(daySum(first.means, g, [0, 1], 1)).toBeCloseTo(1000, 9);
    const second = applyAdjustments([volume, percent], means(g), g);
    expect(daySum(second.means, g, [0, 1], 1)).toBeCloseTo(500, 9);
  });

  it("applyAdjustments reports adjustments that match no series, fall outside the horizon, or meet a zero forecast", () => {
    const g = grid();
    const input = means(g);
    for (let h = 18; h < 42; h++) input[3 * g.hours + h] = 0;
    const { means: out, report } = applyAdjustments(
      [
        adjustment({ id: 1, targeting: { geo: ["FI"] } }),
        adjustment({ id: 2, start: "2027-01-01", end: "2027-01-31" }),
        adjustment({ id: 3, targeting: { geo: ["DK"] }, kind: "daily_volume", value: 10, end: "2026-12-03" }),
      ],
      input,
      g,
    );
    expect(report.map((r) => [r.id, r.series, r.days, r.notes])).toEqual([
      [1, 0, 0, ["no series matches the targeting"]],
      [2, 2, 0, ["its days 2027-01-01 to 2027-01-31 are outside the horizon"]],
      [3, 1, 1, ["2026-12-02: the matching forecast is zero, so the volume has no shares to follow"]],
    ]);
    expect(daySum(out, g, [3], 1)).toBe(0);
    expect(daySum(out, g, [3], 2)).toBeCloseTo(10, 9);
  });

  it("applyAdjustments refuses means or day maps of the wrong size", () => {
    const g = grid();
    expect(() => applyAdjustments([], new Float64Array(5), g)).toThrow("5 means for 4 leaves × 66 hours");
    expect(() => applyAdjustments([], means(g), { ...g, dayHours: new Int32Array(2) })).toThrow("dayHours");
    const backwards = Int32Array.from(g.dayOfHour);
    backwards[30] = 0;
    expect(() => applyAdjustments([], means(g), { ...g, dayOfHour: backwards })).toThrow(
      "dayOfHour[30] = 0 is not an increasing day index",
    );
  });
});

describe("scalePathsByDay", () => {
  it("scalePathsByDay(paths, factors) keeps the paths' average equal to the adjusted means", () => {
    const g = grid();
    const m = means(g);
    const pathCount = 3;
    const paths = new Float64Array(g.leaves.length * pathCount * g.hours);
    // Paths at 0.5, 1 and 1.5 times the mean: their average is the mean.
    for (let l = 0; l < g.leaves.length; l++)
      for (let p = 0; p < pathCount; p++)
        for (let h = 0; h < g.hours; h++)
          paths[(l * pathCount + p) * g.hours + h] = m[l * g.hours + h] * (0.5 + p / 2);
    const spec = adjustment({ kind: "daily_volume", value: 777, start: "2026-12-01", end: "2026-12-03" });
    const { means: adjusted, factors } = applyAdjustments([spec], m, g);
    scalePathsByDay(paths, factors, pathCount, g.hours, g.dayOfHour, g.days.length);
    for (let l = 0; l < g.leaves.length; l++)
      for (let h = 0; h < g.hours; h++) {
        let s = 0;
        for (let p = 0; p < pathCount; p++) s += paths[(l * pathCount + p) * g.hours + h];
        expect(s / pathCount).toBeCloseTo(adjusted[l * g.hours + h], 9);
      }
    expect(() => scalePathsByDay(new Float32Array(7), factors, pathCount, g.hours, g.dayOfHour, 3)).toThrow(
      "7 values are not 4 leaves × 3 paths × 66 hours",
    );
  });
});
