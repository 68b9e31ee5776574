import { describe, expect, it } from "vitest";
import { bucketOf, HORIZON_BUCKETS } from "./horizon-buckets.js";

describe("bucketOf(hours, step)", () => {
  it("puts the first day's hourly rows, the first week's days and later days in their buckets", () => {
    expect(bucketOf(1, 0)).toBe(0);
    expect(bucketOf(1, 23)).toBe(0);
    expect(bucketOf(24, 24)).toBe(1);
    expect(bucketOf(24, 144)).toBe(1);
    expect(bucketOf(24, 168)).toBe(2);
    expect(bucketOf(24, 816)).toBe(2);
    expect(HORIZON_BUCKETS.map((b) => b.name)).toEqual(["hours 1-24", "days 2-7", "days 8+"]);
  });

  it("is -1 for a row no bucket has: hourly after the first day, daily in it", () => {
    expect(bucketOf(1, 24)).toBe(-1);
    expect(bucketOf(24, 0)).toBe(-1);
    expect(bucketOf(6, 0)).toBe(-1);
  });
});
