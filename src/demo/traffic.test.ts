import { describe, expect, it } from "vitest";
import { CELLS } from "./cells.js";
import { daysFromCivil } from "./civil-date.js";
import { DEVICES } from "./devices.js";
import { MarketClock } from "./market-clock.js";
import { MARKETS } from "./markets.js";
import { TrafficModel } from "./traffic.js";

const start = daysFromCivil(2025, 12, 1);
const days = 60;
const clock = new MarketClock(
  MARKETS.map((m) => m.timeZone),
  start,
  days,
);
const model = new TrafficModel(clock, start);
const shape = new Float64Array(CELLS.length);

/** Expected opportunities of a market (or one of its devices) by local hour over the whole range. */
function byLocalHour(market: number, device = -1): number[] {
  const sums = new Array(24).fill(0);
  for (let hour = 0; hour < clock.hours; hour++) {
    model.hourShape(hour, shape);
    let s = 0;
    for (let c = 0; c < CELLS.length; c++) {
      if (CELLS[c].market === market && (device < 0 || CELLS[c].device === device)) s += shape[c];
    }
    sums[clock.localHour[clock.index(market, hour)]] += s;
  }
  return sums;
}

/** Expected opportunities of a market and device on a local date. */
function onLocalDay(market: number, device: number, localDay: number): number {
  let s = 0;
  for (let hour = 0; hour < clock.hours; hour++) {
    if (clock.localDay[clock.index(market, hour)] !== localDay) continue;
    model.hourShape(hour, shape);
    for (let c = 0; c < CELLS.length; c++) {
      if (CELLS[c].market === market && CELLS[c].device === device) s += shape[c];
    }
  }
  return s;
}

const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
const device = (name: string) => DEVICES.findIndex((d) => d.name === name);

describe("TrafficModel", () => {
  it("peaks in the local evening (17:00-23:00) in every market", () => {
    for (let m = 0; m < MARKETS.length; m++) {
      const peak = argmax(byLocalHour(m));
      expect(peak, MARKETS[m].geo).toBeGreaterThanOrEqual(17);
      expect(peak, MARKETS[m].geo).toBeLessThanOrEqual(23);
    }
  });

  it("gives each device its own rhythm: desktops office hours, speakers mornings, TVs evenings", () => {
    const us = 0;
    expect(argmax(byLocalHour(us, device("desktop")))).toBeGreaterThanOrEqual(9);
    expect(argmax(byLocalHour(us, device("desktop")))).toBeLessThanOrEqual(16);
    expect(argmax(byLocalHour(us, device("smart_speaker")))).toBeLessThanOrEqual(9);
    expect(argmax(byLocalHour(us, device("connected_tv")))).toBeGreaterThanOrEqual(19);
  });

  it("drops desktops at weekends", () => {
    const de = MARKETS.findIndex((m) => m.geo === "DE");
    const saturday = daysFromCivil(2026, 1, 10);
    const wednesday = daysFromCivil(2026, 1, 7);
    const desktop = device("desktop");
    expect(onLocalDay(de, desktop, saturday) / onLocalDay(de, desktop, wednesday)).toBeLessThan(0.7);
  });

  it("moves traffic on holidays: Christmas Day vs the Thursday before, in the market's local day", () => {
    const christmas = daysFromCivil(2025, 12, 25);
    for (let m = 0; m < MARKETS.length; m++) {
      const ratio = (name: string) =>
        onLocalDay(m, device(name), christmas) / onLocalDay(m, device(name), christmas - 7);
      expect(ratio("desktop"), MARKETS[m].geo).toBeLessThan(0.7);
      expect(ratio("connected_tv"), MARKETS[m].geo).toBeGreaterThan(1.1);
    }
  });

  it("grows about 0.1% a day", () => {
    let first = 0;
    let last = 0;
    for (let h = 0; h < 24 * 7; h++) {
      model.hourShape(h, shape);
      first += shape.reduce((a, b) => a + b, 0);
      model.hourShape(clock.hours - 24 * 7 + h, shape);
      last += shape.reduce((a, b) => a + b, 0);
    }
    // Seven weeks apart, same weekdays: 1.001^53 = 1.054.
    expect(last / first).toBeGreaterThan(1.03);
    expect(last / first).toBeLessThan(1.08);
  });
});
