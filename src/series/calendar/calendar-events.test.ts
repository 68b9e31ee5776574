import { describe, expect, test } from "vitest";
import { calendarEvents } from "./calendar-events.js";
import { parseEventsCsv } from "./parse-events-csv.js";

const USER = parseEventsCsv(
  [
    "name,market,start,end",
    "Diwali,IN,2026-11-08,2026-11-08",
    "Diwali,IN,2025-10-20,2025-10-20",
    "Summer Sale,*,2026-07-01,2026-07-14",
    "Black Friday Week,US,2026-11-23,2026-11-29",
    "Independence Day,PL,2026-11-11,2026-11-11",
  ].join("\n"),
);

describe("calendarEvents", () => {
  test("merges the built-in holidays with the user's events of the market and of *, by start date", () => {
    const india = calendarEvents("IN", "2026-01-01", "2026-12-31", { userEvents: USER });
    expect(india.map((e) => `${e.start} ${e.id}`)).toEqual([
      "2026-01-26 republic_day",
      "2026-04-03 good_friday",
      "2026-07-01 summer_sale",
      "2026-08-15 independence_day",
      "2026-10-02 gandhi_jayanti",
      "2026-11-08 diwali",
      "2026-12-25 christmas",
    ]);
  });

  test("keeps events that overlap the range and lists an event given twice once", () => {
    const us = calendarEvents("US", "2026-07-10", "2026-11-24", {
      userEvents: [...USER, ...USER],
      publicHolidays: false,
    });
    expect(us.map((e) => `${e.start}..${e.end} ${e.id}`)).toEqual([
      "2026-07-01..2026-07-14 summer_sale",
      "2026-11-23..2026-11-29 black_friday_week",
    ]);
  });

  test("a market without a built-in calendar gets its user events and the shopping days; * gets the global ones", () => {
    const poland = calendarEvents("pl", "2026-11-01", "2026-11-30", { userEvents: USER, shoppingDays: true });
    expect(poland.map((e) => `${e.start} ${e.id} ${e.market}`)).toEqual([
      "2026-11-11 independence_day PL",
      "2026-11-27 black_friday PL",
      "2026-11-30 cyber_monday PL",
    ]);
    const global = calendarEvents("*", "2026-06-01", "2026-12-31", { userEvents: USER, shoppingDays: true });
    expect(global.map((e) => e.id)).toEqual([
      "summer_sale",
      "black_friday",
      "cyber_monday",
      "christmas_eve",
      "christmas",
      "new_years_eve",
    ]);
  });

  test("bad arguments are errors naming the parameter", () => {
    expect(() => calendarEvents("USA", "2026-01-01", "2026-12-31")).toThrow(
      'market: "USA" is not * or a two-letter ISO 3166-1 code',
    );
    expect(() => calendarEvents("US", "2026-1-1", "2026-12-31")).toThrow(
      'fromDate: "2026-1-1" is not a date',
    );
    expect(() => calendarEvents("US", "2026-12-31", "2026-01-01")).toThrow(
      "toDate: 2026-01-01 is before fromDate 2026-12-31",
    );
  });
});
