import { describe, expect, test } from "vitest";
import { eventEffects } from "./event-effects.js";
import { TestRandom } from "./test-models.js";

const DAY_MS = 86_400_000;
const WEEKLY = [0.7, 1, 1.05, 1.1, 1.1, 1.05, 0.8];

/** A daily series over [first, last) with weekly seasonality, trend, lognormal noise and effects by date. */
function daily(first: number, last: number, noise: number, seed: number, effect: (date: Date) => number) {
  const random = new TestRandom(seed);
  const n = (last - first) / DAY_MS;
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const date = new Date(first + t * DAY_MS);
    y[t] =
      1000 * (1 + 0.0002 * t) * WEEKLY[date.getUTCDay()] * effect(date) * Math.exp(noise * random.normal());
  }
  return y;
}

function indicator(first: number, n: number, on: (date: Date) => boolean): Float64Array {
  return Float64Array.from({ length: n }, (_, t) => (on(new Date(first + t * DAY_MS)) ? 1 : 0));
}

const isChristmas = (d: Date) => d.getUTCMonth() === 11 && d.getUTCDate() === 25;
const FIRST = Date.UTC(2022, 11, 1);
const LAST = Date.UTC(2025, 11, 19);

describe("eventEffects", () => {
  test("recovers a x0.6 effect seen on three Christmases within 10%, whatever the noise draw", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const y = daily(FIRST, LAST, 0.05, seed, (d) => (isChristmas(d) ? 0.6 : 1));
      const { effects, occurrences } = eventEffects(y, [indicator(FIRST, y.length, isChristmas)], {
        period: 7,
      });
      expect(occurrences[0]).toBe(3);
      expect(Math.abs(effects[0] / 0.6 - 1)).toBeLessThan(0.1);
    }
  });

  test("separates overlapping events by backfitting: a x0.9 holiday season and a x0.6 Christmas inside it", () => {
    const season = (d: Date) => d.getUTCMonth() === 11 && d.getUTCDate() >= 20 && d.getUTCDate() <= 31;
    const y = daily(FIRST, LAST, 0.03, 4, (d) => (season(d) ? 0.9 : 1) * (isChristmas(d) ? 0.6 : 1));
    const xreg = [indicator(FIRST, y.length, season), indicator(FIRST, y.length, isChristmas)];
    const { effects } = eventEffects(y, xreg, { period: 7 });
    expect(Math.abs(effects[0] / 0.9 - 1)).toBeLessThan(0.05);
    expect(Math.abs(effects[1] / 0.6 - 1)).toBeLessThan(0.1);
  });

  test("shrinks towards 1 when the event was seen once in noisy data, less so when seen three times", () => {
    const shrinkage = (first: number, seed: number) => {
      const y = daily(first, LAST, 0.2, seed, (d) => (isChristmas(d) ? 0.6 : 1));
      const xreg = [indicator(first, y.length, isChristmas)];
      const shrunk = Math.log(eventEffects(y, xreg, { period: 7 }).effects[0]);
      const raw = Math.log(eventEffects(y, xreg, { period: 7, priorScale: 1e6 }).effects[0]);
      return shrunk / raw;
    };
    let onceTotal = 0;
    let thriceTotal = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const once = shrinkage(Date.UTC(2024, 11, 1), seed);
      const thrice = shrinkage(FIRST, seed);
      for (const weight of [once, thrice]) {
        expect(weight).toBeLessThan(1);
        expect(weight).toBeGreaterThan(0);
      }
      onceTotal += once;
      thriceTotal += thrice;
    }
    // On average over noise draws (a single draw may see a calm or a restless placebo neighbourhood).
    expect(thriceTotal / 10).toBeGreaterThan(onceTotal / 10 + 0.05);
  });

  test("an effect on the day before an event is learned by its own column", () => {
    const eve = (d: Date) => d.getUTCMonth() === 11 && d.getUTCDate() === 24;
    const y = daily(FIRST, LAST, 0.03, 2, (d) => (isChristmas(d) ? 0.6 : eve(d) ? 1.3 : 1));
    const xreg = [indicator(FIRST, y.length, isChristmas), indicator(FIRST, y.length, eve)];
    const { effects } = eventEffects(y, xreg, { period: 7 });
    expect(Math.abs(effects[0] / 0.6 - 1)).toBeLessThan(0.1);
    expect(Math.abs(effects[1] / 1.3 - 1)).toBeLessThan(0.1);
  });

  test("no columns, a column never active in the history, or a negative value: effects of 1", () => {
    const y = daily(FIRST, LAST, 0.05, 1, () => 1);
    expect(eventEffects(y, [])).toEqual({ effects: new Float64Array(0), occurrences: new Int32Array(0) });
    const future = new Float64Array(y.length + 5);
    future[y.length + 2] = 1;
    expect(eventEffects(y, [future], { period: 7 }).effects[0]).toBe(1);
    const christmas = indicator(FIRST, y.length, isChristmas);
    const negative = y.slice();
    negative[10] = -5;
    expect(eventEffects(negative, [christmas], { period: 7 }).effects[0]).toBe(1);
  });

  test("bad options are errors naming the option", () => {
    const y = new Float64Array(10).fill(1);
    expect(() => eventEffects(y, [], { period: 0 })).toThrow("period: 0 is not an integer >= 1");
    expect(() => eventEffects(y, [], { window: 1.5 })).toThrow("window: 1.5 is not an integer >= 1");
    expect(() => eventEffects(y, [], { priorScale: -1 })).toThrow("priorScale: -1 is not a positive number");
  });
});
