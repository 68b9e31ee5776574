import { describe, expect, it } from "vitest";
import { flightDays } from "./flight-days.js";

function dayLengths(day: Int32Array): number[] {
  const lengths: number[] = [];
  for (const d of day) lengths[d] = (lengths[d] ?? 0) + 1;
  return lengths;
}

describe("flightDays(start, hours, timeZone)", () => {
  it("counts 24-hour days in UTC", () => {
    expect(dayLengths(flightDays(Date.UTC(2026, 9, 1), 72, "UTC"))).toEqual([24, 24, 24]);
  });

  it("gives the day clocks go back a 25th hour and the day they go forward 23 (Europe/Berlin)", () => {
    // Local midnight of 2026-10-24 in Berlin is 22:00 UTC the day before (UTC+2); Oct 25 has 25 hours.
    expect(dayLengths(flightDays(Date.UTC(2026, 9, 23, 22), 24 + 25 + 24, "Europe/Berlin"))).toEqual([
      24, 25, 24,
    ]);
    // From local midnight of 2026-03-28 (23:00 UTC the day before, UTC+1): Mar 29 has 23 hours.
    expect(dayLengths(flightDays(Date.UTC(2026, 2, 27, 23), 24 + 23 + 24, "Europe/Berlin"))).toEqual([
      24, 23, 24,
    ]);
  });

  it("starts day 0 at the first hour's local date, mid-day starts included", () => {
    // 10:00 UTC is 19:00 in Tokyo: five hours of day 0, then day 1.
    const day = flightDays(Date.UTC(2026, 9, 1, 10), 6, "Asia/Tokyo");
    expect([...day]).toEqual([0, 0, 0, 0, 0, 1]);
  });
});
