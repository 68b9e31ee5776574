import { describe, expect, it } from "vitest";
import { Random } from "./random.js";
import { offsetSuffix, TimestampFormatter } from "./timestamp.js";

describe("TimestampFormatter", () => {
  it("formats like Date.toISOString, cached hour or not", () => {
    const f = new TimestampFormatter();
    const rng = new Random(5);
    let ms = Date.UTC(2024, 1, 28, 22);
    const wrong: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      ms += rng.int(400_000);
      if (`${f.wall(ms)}Z` !== new Date(ms).toISOString()) wrong.push(ms);
    }
    expect(wrong).toEqual([]);
    const far = Date.UTC(2100, 0, 1, 3, 4, 5, 6);
    expect(`${f.wall(far)}Z`).toBe(new Date(far).toISOString());
  });

  it("writes local wall clocks with their offset, parsing back to the same instant", () => {
    const f = new TimestampFormatter();
    const ms = Date.UTC(2026, 7, 1, 17, 3, 12, 345);
    const local = f.wall(ms + 330 * 60000) + offsetSuffix(330);
    expect(local).toBe("2026-08-01T22:33:12.345+05:30");
    expect(Date.parse(local)).toBe(ms);
    expect(offsetSuffix(-180)).toBe("-03:00");
    expect(offsetSuffix(0)).toBe("Z");
  });
});
