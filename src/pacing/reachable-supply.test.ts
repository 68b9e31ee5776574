import { describe, expect, it } from "vitest";
import { buildSamplePaths } from "../forecast/reconcile/sample-paths.js";
import { allocate } from "./allocate.js";
import { indexAvails } from "./avails-index.js";
import { reachableSupply } from "./reachable-supply.js";

const HOURS = 48;
/** One leaf of 100 an hour; errors +-10 an hour alternate by pool row, so paths differ. */
function setup() {
  const mean = new Float64Array(HOURS).fill(100);
  const errors = Float64Array.from({ length: 200 }, (_, r) => (r % 48 < 24 ? 10 : -10));
  const paths = buildSamplePaths({
    mean,
    leafCount: 1,
    horizon: HOURS,
    errors,
    poolLength: 200,
    paths: 50,
    block: 24,
  });
  const allocation = allocate({
    supply: mean,
    leafCount: 1,
    hours: HOURS,
    campaigns: [
      { id: "g", leaves: [0], start: 0, end: HOURS, goal: 20 * HOURS, priority: 0, pacing: "even" },
    ],
  });
  return { paths, index: indexAvails(mean, allocation) };
}

describe("reachableSupply", () => {
  it("reachableSupply is the paths' supply minus higher priorities over the rest of the flight", () => {
    const { paths, index } = setup();
    const day = Int32Array.from({ length: HOURS }, (_, h) => Math.floor(h / 24));
    const input = { paths, index, leaves: [0], offset: 0, day, matched: new Float64Array(HOURS).fill(80) };
    const all = reachableSupply({
      ...input,
      priorityClass: 1,
      from: 0,
      capLeft: Float64Array.of(Infinity, Infinity),
    });
    let mean = 0;
    for (const r of all) mean += r / all.length;
    // 48 hours x (100 +- 10) minus the guaranteed campaign's 20 an hour.
    expect(mean).toBeGreaterThan(48 * 70);
    expect(mean).toBeLessThan(48 * 90);
    expect(Math.max(...all) - Math.min(...all)).toBeGreaterThan(0);
    const half = reachableSupply({
      ...input,
      priorityClass: 1,
      from: 24,
      capLeft: Float64Array.of(0, Infinity),
    });
    for (const r of half) expect(r).toBeLessThan(24 * 91);
    const capped = reachableSupply({
      ...input,
      priorityClass: 1,
      from: 12,
      capLeft: Float64Array.of(100, 500),
    });
    for (const r of capped) expect(r).toBeCloseTo(600, 9);
    expect(
      reachableSupply({ ...input, priorityClass: 1, from: HOURS, capLeft: Float64Array.of(1, 1) }),
    ).toEqual(new Float64Array(50));
  });

  it("reachableSupply adds the mean supply of flight hours past the grid", () => {
    const { paths, index } = setup();
    const day = Int32Array.from({ length: 72 }, (_, h) => Math.floor(h / 24));
    const matched = new Float64Array(72).fill(80);
    const reachable = reachableSupply({
      paths,
      index,
      leaves: [0],
      priorityClass: 0,
      offset: 0,
      day,
      from: 48,
      matched,
      capLeft: Float64Array.of(Infinity, Infinity, Infinity),
    });
    for (const r of reachable) expect(r).toBeCloseTo(24 * 80, 9);
  });
});
