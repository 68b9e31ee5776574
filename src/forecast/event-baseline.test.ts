import { describe, expect, test } from "vitest";
import { eventFreeBaseline } from "./event-baseline.js";

describe("eventFreeBaseline", () => {
  test("eventFreeBaseline(y, clean, period, window) is the median of the clean points a whole number of periods away", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => (t % 3 === 0 ? 100 + t : t));
    const clean = new Uint8Array(30).fill(1);
    const baseline = eventFreeBaseline(y, clean, 3, 2);
    // t = 12: y[6], y[9], y[15], y[18] = 106, 109, 115, 118
    expect(baseline[12]).toBe((109 + 115) / 2);
    // t = 0: only later points, y[3], y[6] = 103, 106
    expect(baseline[0]).toBe(104.5);
  });

  test("leaves out points where an event is active, widening the window when fewer than two are clean", () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => t);
    const clean = new Uint8Array(40).fill(1);
    clean[16] = 0;
    clean[24] = 0;
    // period 4, window 1: t = 20 sees 16 and 24, both events; window 2 adds 12 and 28.
    expect(eventFreeBaseline(y, clean, 4, 1)[20]).toBe(20);
    clean.fill(0);
    clean[20] = 1;
    expect(eventFreeBaseline(y, clean, 4, 1)[20]).toBeNaN();
    expect(eventFreeBaseline(y, clean, 4, 1)[12]).toBe(20);
  });
});
