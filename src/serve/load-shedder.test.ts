import { describe, expect, it } from "vitest";
import { LoadShedder } from "./load-shedder.js";

describe("LoadShedder", () => {
  it("sheds a request once maxInFlight others are being answered, and counts it", () => {
    const shedder = new LoadShedder({ maxDelayMs: 0, maxInFlight: 3 });
    expect(shedder.overloaded(0)).toBe(false);
    expect(shedder.overloaded(2)).toBe(false);
    expect(shedder.overloaded(3)).toBe(true);
    expect(shedder.overloaded(10)).toBe(true);
    expect(shedder.shed).toBe(2);
  });

  it("never sheds by count with maxInFlight 0, nor by delay with maxDelayMs 0", () => {
    const shedder = new LoadShedder({ maxDelayMs: 0 });
    expect(shedder.overloaded(1_000_000)).toBe(false);
    expect(shedder.shed).toBe(0);
  });

  it("sheds while the loop is later than maxDelayMs, read live before the timer fires", () => {
    const shedder = new LoadShedder({ maxDelayMs: 5, sampleMs: 10 });
    shedder.start();
    try {
      const until = performance.now() + 40;
      while (performance.now() < until) {
        // Keep the loop busy: the sampling timer cannot fire.
      }
      expect(shedder.overloaded(0)).toBe(true);
    } finally {
      shedder.stop();
    }
  });

  it("stops shedding once a sample finds the loop on time again (hold of one interval by default)", async () => {
    const shedder = new LoadShedder({ maxDelayMs: 100, sampleMs: 10 });
    shedder.start();
    try {
      const until = performance.now() + 200;
      while (performance.now() < until) {
        // Block the loop past maxDelayMs.
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(shedder.lastDelayMs).toBeGreaterThan(100);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(shedder.overloaded(0)).toBe(false);
      expect(shedder.retryAfterSeconds()).toBe(1);
    } finally {
      shedder.stop();
    }
  });

  it("keeps shedding after a late sample until the next sample, however long the turn after it runs", async () => {
    const shedder = new LoadShedder({ maxDelayMs: 100, sampleMs: 10 });
    shedder.start();
    try {
      const blockFor = (ms: number) => {
        const until = performance.now() + ms;
        while (performance.now() < until) {
          // Hold the loop.
        }
      };
      blockFor(200);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(shedder.lastDelayMs).toBeGreaterThan(100);
      // The turn after the late sample runs past the 10 ms hold, as reading the requests that queued behind a
      // long block can on a loaded machine; no sample has run since, so they are still shed.
      blockFor(40);
      expect(shedder.overloaded(0)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(shedder.overloaded(0)).toBe(false);
    } finally {
      shedder.stop();
    }
  });
});
