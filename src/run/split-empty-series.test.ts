import { describe, expect, test } from "vitest";
import type { LongSeries } from "../series/read-long-format.js";
import { inferGrid } from "../series/time-grid.js";
import { splitEmptySeries } from "./split-empty-series.js";

function series(id: string, values: number[]): LongSeries {
  const start = Date.UTC(2026, 0, 1);
  return {
    id,
    grid: inferGrid("daily", [start]),
    start,
    values: Float64Array.from(values),
    rows: values.length,
    gaps: 0,
    missing: values.filter(Number.isNaN).length,
  };
}

describe("splitEmptySeries(series)", () => {
  test("keeps series with an observation, in order, and sets aside those with none", () => {
    const { observed, empty } = splitEmptySeries([
      series("a", [Number.NaN, Number.NaN]),
      series("b", [Number.NaN, 1]),
      series("c", [2, 3]),
    ]);
    expect(observed.map((s) => s.id)).toEqual(["b", "c"]);
    expect(empty.map((s) => s.id)).toEqual(["a"]);
  });

  test("throws when no series has an observation", () => {
    expect(() => splitEmptySeries([series("a", [Number.NaN])])).toThrow(
      "no series has an observation: every y of 1 series is missing",
    );
  });
});
