import { describe, expect, it } from "vitest";
import { DAY_MS, daysFromCivil } from "./civil-date.js";
import { MarketClock } from "./market-clock.js";

describe("MarketClock", () => {
  const zones = ["America/New_York", "Australia/Sydney", "Asia/Kolkata", "Europe/Berlin"];
  const start = daysFromCivil(2026, 1, 1);
  const clock = new MarketClock(zones, start, 365);
  const hourOf = (m: number, d: number, h: number) => clock.index(m, d * 24 + h);

  it("honours DST in both hemispheres and half-hour offsets", () => {
    const jan = 10;
    const jul = daysFromCivil(2026, 7, 10) - start;
    expect(clock.offset[hourOf(0, jan, 12)]).toBe(-300);
    expect(clock.offset[hourOf(0, jul, 12)]).toBe(-240);
    expect(clock.offset[hourOf(1, jan, 12)]).toBe(660);
    expect(clock.offset[hourOf(1, jul, 12)]).toBe(600);
    expect(clock.offset[hourOf(2, jan, 12)]).toBe(330);
    expect(clock.offset[hourOf(2, jul, 12)]).toBe(330);
  });

  it("switches at the exact UTC hour of the DST change", () => {
    // Europe springs forward on 2026-03-29 at 01:00 UTC.
    const d = daysFromCivil(2026, 3, 29) - start;
    expect(clock.offset[hourOf(3, d, 0)]).toBe(60);
    expect(clock.offset[hourOf(3, d, 1)]).toBe(120);
    expect(clock.localHour[hourOf(3, d, 0)]).toBe(1);
    expect(clock.localHour[hourOf(3, d, 1)]).toBe(3);
  });

  it("gives the local hour, weekday and date like Intl does", () => {
    for (let m = 0; m < zones.length; m++) {
      const f = new Intl.DateTimeFormat("en-US", {
        timeZone: zones[m],
        hourCycle: "h23",
        weekday: "short",
        hour: "numeric",
        day: "numeric",
      });
      const wrong: number[] = [];
      for (let hour = 0; hour < clock.hours; hour += 7) {
        const parts = Object.fromEntries(
          f.formatToParts(start * DAY_MS + hour * 3_600_000).map((p) => [p.type, p.value]),
        );
        const i = clock.index(m, hour);
        const ok =
          clock.localHour[i] === Number(parts.hour) &&
          ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][clock.localWeekday[i]] === parts.weekday &&
          new Date(clock.localDay[i] * DAY_MS).getUTCDate() === Number(parts.day);
        if (!ok) wrong.push(hour);
      }
      expect(wrong, zones[m]).toEqual([]);
    }
  });
});
