import { describe, expect, it } from "vitest";
import { flightGrid } from "./flight-grid.js";

describe("flightGrid", () => {
  it("flightGrid has 23- and 25-hour days over the Europe/Stockholm DST changes", () => {
    const spring = flightGrid("2026-03-28", "2026-03-30", "Europe/Stockholm");
    expect(spring.start).toBe(Date.UTC(2026, 2, 27, 23));
    expect(spring.hours).toBe(71);
    expect(spring.dates).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    const perDay = [0, 0, 0];
    for (const d of spring.day) perDay[d]++;
    expect(perDay).toEqual([24, 23, 24]);
    const autumn = flightGrid("2026-10-25", "2026-10-25", "Europe/Stockholm");
    expect(autumn.hours).toBe(25);
    expect(autumn.start).toBe(Date.UTC(2026, 9, 24, 22));
  });

  it("flightGrid of a one-day UTC flight is 24 hours of day 0", () => {
    const flight = flightGrid("2026-12-01", "2026-12-01", "UTC");
    expect(flight.hours).toBe(24);
    expect(Array.from(new Set(flight.day))).toEqual([0]);
  });

  it("flightGrid rejects a flight that ends before it starts", () => {
    expect(() => flightGrid("2026-12-02", "2026-12-01", "UTC")).toThrow(/flight: end 2026-12-01/);
  });
});
