import { describe, expect, test } from "vitest";
import type { LongSeries } from "../series/read-long-format.js";
import { splitShortSeries } from "./split-short-series.js";

const series = (id: string, n: number) => ({ id, values: new Float64Array(n) }) as unknown as LongSeries;

describe("splitShortSeries(series, windows, horizon)", () => {
  test("keeps series with more than windows * horizon points, in order, and sets the others apart", () => {
    const { long, short } = splitShortSeries([series("a", 30), series("b", 21), series("c", 22)], 3, 7);
    expect(long.map((s) => s.id)).toEqual(["a", "c"]);
    expect(short.map((s) => s.id)).toEqual(["b"]);
  });

  test("throws naming --windows when no series is long enough", () => {
    expect(() => splitShortSeries([series("a", 10), series("b", 21)], 3, 7)).toThrow(
      "--windows: 3 windows of 7 need series of more than 21 points; the longest has 21",
    );
  });
});
