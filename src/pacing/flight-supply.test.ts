import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.js";
import { indexAvails } from "./avails-index.js";
import { flightSupply } from "./flight-supply.js";

const GRID = { start: Date.UTC(2026, 10, 1), hours: 336 };
const HOUR = 3_600_000;

/** Two leaves of 100 and 300 an hour; a guaranteed campaign takes 50 an hour of leaf 1 over the grid. */
function index() {
  const supply = new Float64Array(2 * GRID.hours);
  supply.fill(100, 0, GRID.hours);
  supply.fill(300, GRID.hours);
  const allocation = allocate({
    supply,
    leafCount: 2,
    hours: GRID.hours,
    campaigns: [
      { id: "g", leaves: [1], start: 0, end: GRID.hours, goal: 50 * GRID.hours, priority: 0, pacing: "even" },
    ],
  });
  return indexAvails(supply, allocation);
}

describe("flightSupply", () => {
  it("flightSupply subtracts higher priorities on the grid and not the campaign's own class", () => {
    const input = { index: index(), grid: GRID, leaves: [0, 1], flightStart: GRID.start, hours: 48 };
    const standard = flightSupply({ ...input, priorityClass: 1, actual: new Float64Array(48) });
    expect(standard.matched[0]).toBeCloseTo(350, 9);
    expect(standard.forecastHours).toBe(48);
    const guaranteed = flightSupply({ ...input, priorityClass: 0, actual: new Float64Array(48) });
    expect(guaranteed.matched[0]).toBeCloseTo(400, 9);
  });

  it("flightSupply takes store actuals before the grid, scaled by the share higher classes leave", () => {
    const actual = new Float64Array(72).fill(Number.NaN);
    actual.fill(800, 0, 24);
    actual[5] = Number.NaN;
    const supply = flightSupply({
      index: index(),
      grid: GRID,
      leaves: [0, 1],
      priorityClass: 1,
      flightStart: GRID.start - 24 * HOUR,
      hours: 72,
      actual,
    });
    expect(supply.actualHours).toBe(24);
    expect(supply.matched[0]).toBeCloseTo(800 * (350 / 400), 9);
    expect(Number.isNaN(supply.matched[5])).toBe(true);
    expect(supply.matched[24]).toBeCloseTo(350, 9);
  });

  it("flightSupply repeats the grid's last week past its end", () => {
    const supply = flightSupply({
      index: index(),
      grid: GRID,
      leaves: [0],
      priorityClass: 0,
      flightStart: GRID.start + 300 * HOUR,
      hours: 100,
      actual: new Float64Array(100),
    });
    expect(supply.forecastHours).toBe(36);
    expect(supply.extendedHours).toBe(64);
    expect(supply.matched[99]).toBeCloseTo(100, 9);
  });

  it("flightSupply rejects actuals of the wrong length", () => {
    expect(() =>
      flightSupply({
        index: index(),
        grid: GRID,
        leaves: [0],
        priorityClass: 0,
        flightStart: GRID.start,
        hours: 5,
        actual: new Float64Array(4),
      }),
    ).toThrow(/actual/);
  });
});
