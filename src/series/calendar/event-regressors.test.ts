import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isoDate } from "../civil-date.js";
import type { TimeGrid } from "../time-grid.js";
import type { CalendarEvent } from "./calendar-event.js";
import { eventRegressors } from "./event-regressors.js";

const DAILY: TimeGrid = { freq: "daily", anchor: 0, phase: 0 };
const HOURLY: TimeGrid = { freq: "hourly", anchor: 0, phase: 0 };

const event = (id: string, start: string, end = start, market = "DE"): CalendarEvent => ({
  id,
  name: id,
  market,
  start,
  end,
});

/** The indices where a column is 1. */
const ones = (column: Float64Array) => [...column.keys()].filter((t) => column[t] === 1);

describe("eventRegressors", () => {
  test("a daily column is 1 on every day of every occurrence of the id, over history and horizon", () => {
    const events = [
      event("sale", "2026-01-03", "2026-01-04"),
      event("sale", "2026-01-09"),
      event("gala", "2026-01-02"),
    ];
    const span = { grid: DAILY, start: Date.UTC(2026, 0, 1), history: 7, horizon: 3 };
    const { names, xreg } = eventRegressors(events, span);
    expect(names).toEqual(["sale", "gala"]);
    expect(xreg.map((c) => c.length)).toEqual([10, 10]);
    expect(ones(xreg[0])).toEqual([2, 3, 8]);
    expect(ones(xreg[1])).toEqual([1]);
    expect(xreg[0].every((x) => x === 0 || x === 1)).toBe(true);
  });

  test("lead and lag add a column per day before and after each occurrence, never on the event's own days", () => {
    const events = [event("fair", "2026-01-05", "2026-01-06"), event("fair", "2026-01-07")];
    const span = { grid: DAILY, start: Date.UTC(2026, 0, 1), history: 10, horizon: 0 };
    const { names, xreg } = eventRegressors(events, span, { lead: 2, lag: 1 });
    expect(names).toEqual(["fair", "fair-1", "fair-2", "fair+1"]);
    expect(ones(xreg[0])).toEqual([4, 5, 6]);
    expect(ones(xreg[1])).toEqual([3]); // the day before Jan 7 is Jan 6, an event day
    expect(ones(xreg[2])).toEqual([2]); // Jan 3 (and Jan 5, an event day)
    expect(ones(xreg[3])).toEqual([7]);
  });

  test("drops columns that are all zero in the history, even when the horizon has the event", () => {
    const events = [
      event("before", "2025-12-25"),
      event("future", "2026-01-12"),
      event("seen", "2026-01-03"),
    ];
    const span = { grid: DAILY, start: Date.UTC(2026, 0, 1), history: 10, horizon: 5 };
    expect(eventRegressors(events, span).names).toEqual(["seen"]);
    expect(eventRegressors([], span)).toEqual({ names: [], xreg: [] });
  });

  test("ids with the same days share one column, named by both", () => {
    const events = [
      event("christmas", "2025-12-25"),
      event("xmas", "2025-12-25"),
      event("boxing", "2025-12-26"),
    ];
    const span = { grid: DAILY, start: Date.UTC(2025, 11, 20), history: 10, horizon: 0 };
    expect(eventRegressors(events, span).names).toEqual(["christmas|xmas", "boxing"]);
  });

  test("an hourly column covers the 24 local hours of the day in the market's time zone", () => {
    const span = { grid: HOURLY, start: Date.UTC(2026, 11, 23), history: 24 * 5, horizon: 0 };
    const utc = eventRegressors([event("christmas", "2026-12-25")], span);
    expect(ones(utc.xreg[0])).toEqual(Array.from({ length: 24 }, (_, h) => 48 + h));
    const berlin = eventRegressors([event("christmas", "2026-12-25")], {
      ...span,
      timeZone: "Europe/Berlin",
    });
    expect(ones(berlin.xreg[0])).toEqual(Array.from({ length: 24 }, (_, h) => 47 + h));
    const tokyo = eventRegressors([event("christmas", "2026-12-25")], { ...span, timeZone: "Asia/Tokyo" });
    expect(ones(tokyo.xreg[0])).toEqual(Array.from({ length: 24 }, (_, h) => 39 + h));
  });

  test("a local day shortened by daylight saving time has 23 hours", () => {
    // Europe/Berlin springs forward on 2026-03-29.
    const span = { grid: HOURLY, start: Date.UTC(2026, 2, 27), history: 24 * 4, horizon: 0 };
    const { xreg } = eventRegressors([event("dst", "2026-03-29")], { ...span, timeZone: "Europe/Berlin" });
    expect(ones(xreg[0])).toHaveLength(23);
    expect(ones(xreg[0])[0]).toBe(47);
  });

  test("hourly points off the whole hour (anchor) are counted by when they start", () => {
    const grid: TimeGrid = { freq: "hourly", anchor: 30 * 60_000, phase: 0 };
    const span = { grid, start: Date.UTC(2026, 11, 24, 0, 30), history: 72, horizon: 0 };
    const { xreg } = eventRegressors([event("christmas", "2026-12-25")], span);
    expect(ones(xreg[0])).toEqual(Array.from({ length: 24 }, (_, h) => 24 + h));
  });

  test("a daily column is 1 exactly on the distinct event days inside the span, whatever the events", () => {
    const start = Date.UTC(2026, 0, 1) / 86_400_000;
    const arbitraryEvent = fc
      .record({
        id: fc.constantFrom("a", "b", "c"),
        from: fc.integer({ min: -10, max: 70 }),
        days: fc.nat(5),
      })
      .map(({ id, from, days }) => event(id, isoDate(start + from), isoDate(start + from + days)));
    fc.assert(
      fc.property(
        fc.array(arbitraryEvent, { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (events, history) => {
          const span = { grid: DAILY, start: start * 86_400_000, history, horizon: 20 };
          const { names, xreg } = eventRegressors(events, span);
          const covered = (id: string) => {
            const days = new Set<number>();
            for (const e of events.filter((e) => e.id === id)) {
              for (let d = Date.parse(e.start) / 86_400_000; d <= Date.parse(e.end) / 86_400_000; d++) {
                if (d >= start && d < start + history + 20) days.add(d - start);
              }
            }
            return [...days].sort((a, b) => a - b);
          };
          for (let i = 0; i < names.length; i++) {
            expect(xreg[i]).toHaveLength(history + 20);
            expect(ones(xreg[i])).toEqual(covered(names[i].split("|")[0]));
            expect(ones(xreg[i]).some((t) => t < history)).toBe(true);
          }
          for (const id of ["a", "b", "c"]) {
            const kept = names.some((name) => name.split("|").includes(id));
            expect(kept).toBe(covered(id).some((t) => t < history));
          }
        },
      ),
    );
  });

  test("bad input is an error naming the parameter", () => {
    const span = { grid: DAILY, start: Date.UTC(2026, 0, 1), history: 10, horizon: 2 };
    const weekly: TimeGrid = { freq: "weekly", anchor: 0, phase: 0 };
    expect(() => eventRegressors([], { ...span, grid: weekly })).toThrow(
      "span.grid: event regressors need hourly or daily data, got weekly",
    );
    expect(() => eventRegressors([], { ...span, start: Date.UTC(2026, 0, 1, 5) })).toThrow(
      "span.start: 1767243600000 is not a time on the daily grid",
    );
    expect(() => eventRegressors([], { ...span, history: 0 })).toThrow(
      "span.history: 0 is not an integer from 1",
    );
    expect(() => eventRegressors([], { ...span, horizon: 1.5 })).toThrow(
      "span.horizon: 1.5 is not an integer",
    );
    expect(() => eventRegressors([], span, { lead: -1 })).toThrow("lead: -1 is not an integer from 0 to 31");
    expect(() => eventRegressors([], span, { lag: 40 })).toThrow("lag: 40 is not an integer from 0 to 31");
    expect(() => eventRegressors([], { ...span, grid: HOURLY, timeZone: "Mars/Olympus" })).toThrow(
      'span.timeZone: "Mars/Olympus" is not an IANA time zone',
    );
    expect(() => eventRegressors([event("x", "2026-01-05", "2026-01-04")], span)).toThrow(
      'events[0]: "2026-01-05".."2026-01-04" is no date range',
    );
  });
});
