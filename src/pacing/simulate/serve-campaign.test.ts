import { describe, expect, it } from "vitest";
import { Random } from "../../demo/random.js";
import { serveCampaign } from "./serve-campaign.js";

describe("serveCampaign(rng, remaining, leaves, throttle, allowed, taken)", () => {
  it("never delivers more than the matching requests left, nor more than allowed", () => {
    const rng = new Random(9);
    const taken = new Float64Array(3);
    for (let trial = 0; trial < 300; trial++) {
      const remaining = Float64Array.of(rng.int(200), rng.int(50), rng.int(5), 1000);
      const before = Float64Array.from(remaining);
      const throttle = rng.next();
      const allowed = rng.int(150);
      const leaves = Int32Array.of(0, 1, 2);
      const delivered = serveCampaign(rng, remaining, leaves, throttle, allowed, taken);
      expect(delivered).toBeLessThanOrEqual(allowed);
      expect(delivered).toBeLessThanOrEqual(before[0] + before[1] + before[2]);
      for (let leaf = 0; leaf < 3; leaf++) {
        expect(remaining[leaf]).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(remaining[leaf])).toBe(true);
      }
      // The untargeted leaf keeps its requests, and what left the targeted leaves is the delivery.
      expect(remaining[3]).toBe(1000);
      expect(before[0] + before[1] + before[2] - (remaining[0] + remaining[1] + remaining[2])).toBe(
        delivered,
      );
    }
  });

  it("passes everything at throttle 1 up to the cap, and hands the rest back to the leaves", () => {
    const remaining = Float64Array.of(30, 10);
    const delivered = serveCampaign(
      new Random(1),
      remaining,
      Int32Array.of(0, 1),
      1,
      20,
      new Float64Array(2),
    );
    expect(delivered).toBe(20);
    // In proportion to the draws (30 and 10): 15 and 5 taken.
    expect([...remaining]).toEqual([15, 5]);
  });

  it("delivers nothing at throttle 0 or when nothing is allowed", () => {
    const remaining = Float64Array.of(30);
    expect(serveCampaign(new Random(1), remaining, Int32Array.of(0), 0, 10, new Float64Array(1))).toBe(0);
    expect(serveCampaign(new Random(1), remaining, Int32Array.of(0), 1, 0, new Float64Array(1))).toBe(0);
    expect(remaining[0]).toBe(30);
  });

  it("refuses a throttle outside [0, 1] or NaN, naming it", () => {
    const remaining = Float64Array.of(30);
    expect(() =>
      serveCampaign(new Random(1), remaining, Int32Array.of(0), 1.5, 10, new Float64Array(1)),
    ).toThrow(/throttle/);
    expect(() =>
      serveCampaign(new Random(1), remaining, Int32Array.of(0), Number.NaN, 10, new Float64Array(1)),
    ).toThrow(/throttle/);
  });
});
