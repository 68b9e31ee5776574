import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { holidaysOn } from "../../demo/holidays.js";
import { MARKETS } from "../../demo/markets.js";
import { daysFromCivil, isoDate, parseIsoDate, weekdayOfDays } from "../civil-date.js";
import { holidays, holidaysBetween } from "./holidays.js";
import { CALENDAR_MARKETS } from "./markets.js";

const dateOf = (market: string, year: number, id: string) =>
  holidays(market, year, year)
    .filter((h) => h.id === id)
    .map((h) => h.date);

describe("holidays", () => {
  test("Easter-based holidays follow the computus: Good Friday, Easter Monday, Ascension, Whitsun, Corpus Christi, Carnival", () => {
    expect(dateOf("GB", 2024, "good_friday")).toEqual(["2024-03-29"]);
    expect(dateOf("GB", 2025, "easter_monday")).toEqual(["2025-04-21"]);
    expect(dateOf("DE", 2026, "good_friday")).toEqual(["2026-04-03"]);
    expect(dateOf("DE", 2026, "ascension")).toEqual(["2026-05-14"]);
    expect(dateOf("DE", 2026, "whit_monday")).toEqual(["2026-05-25"]);
    expect(dateOf("NO", 2026, "maundy_thursday")).toEqual(["2026-04-02"]);
    expect(dateOf("BR", 2026, "carnival_monday")).toEqual(["2026-02-16"]);
    expect(dateOf("BR", 2026, "carnival_tuesday")).toEqual(["2026-02-17"]);
    expect(dateOf("BR", 2025, "carnival_tuesday")).toEqual(["2025-03-04"]);
    expect(dateOf("BR", 2026, "corpus_christi")).toEqual(["2026-06-04"]);
    expect(dateOf("DK", 2023, "great_prayer_day")).toEqual(["2023-05-05"]);
    expect(dateOf("DK", 2024, "great_prayer_day")).toEqual([]);
  });

  test("weekday rules: US Thanksgiving and Monday holidays, UK bank holidays, Midsummer Eve", () => {
    expect(dateOf("US", 2024, "thanksgiving")).toEqual(["2024-11-28"]);
    expect(dateOf("US", 2025, "thanksgiving")).toEqual(["2025-11-27"]);
    expect(dateOf("US", 2026, "thanksgiving")).toEqual(["2026-11-26"]);
    expect(dateOf("US", 2026, "memorial_day")).toEqual(["2026-05-25"]);
    expect(dateOf("US", 2020, "juneteenth")).toEqual([]);
    expect(dateOf("US", 2021, "juneteenth")).toEqual(["2021-06-19"]);
    expect(dateOf("GB", 2024, "early_may_bank_holiday")).toEqual(["2024-05-06"]);
    expect(dateOf("GB", 2025, "early_may_bank_holiday")).toEqual(["2025-05-05"]);
    expect(dateOf("GB", 2026, "early_may_bank_holiday")).toEqual(["2026-05-04"]);
    expect(dateOf("GB", 2020, "early_may_bank_holiday")).toEqual(["2020-05-08"]);
    expect(dateOf("GB", 2022, "spring_bank_holiday")).toEqual(["2022-06-02"]);
    expect(dateOf("GB", 2026, "summer_bank_holiday")).toEqual(["2026-08-31"]);
    expect(dateOf("SE", 2025, "midsummer_eve")).toEqual(["2025-06-20"]);
    expect(dateOf("SE", 2026, "midsummer_eve")).toEqual(["2026-06-19"]);
    expect(dateOf("SE", 2026, "all_saints")).toEqual(["2026-10-31"]);
    expect(dateOf("MX", 2026, "revolution_day")).toEqual(["2026-11-16"]);
    expect(dateOf("MX", 2024, "inauguration_day")).toEqual(["2024-10-01"]);
    expect(dateOf("MX", 2026, "inauguration_day")).toEqual([]);
    expect(dateOf("AU", 2026, "kings_birthday")).toEqual(["2026-06-08"]);
    expect(dateOf("NL", 2025, "kings_day")).toEqual(["2025-04-26"]);
    expect(dateOf("NL", 2026, "kings_day")).toEqual(["2026-04-27"]);
  });

  test("Japan: equinox days, Happy Mondays, substitute and citizens' holidays", () => {
    const japan2026 = holidays("JP", 2026, 2026).map((h) => `${h.date} ${h.id}`);
    expect(japan2026).toContain("2026-03-20 vernal_equinox_day");
    expect(japan2026).toContain("2026-09-23 autumnal_equinox_day");
    expect(japan2026).toContain("2026-01-12 coming_of_age_day");
    expect(japan2026).toContain("2026-05-06 substitute_holiday");
    expect(japan2026).toContain("2026-09-22 citizens_holiday");
    expect(japan2026).toHaveLength(18);
    expect(dateOf("JP", 2020, "sports_day")).toEqual(["2020-07-24"]);
  });

  test("weekend holidays give a weekday off: US observed days, UK substitute bank holidays", () => {
    const substitutes = (market: string, year: number) =>
      holidays(market, year, year)
        .filter((h) => h.id === "substitute_holiday")
        .map((h) => `${h.date} ${h.name}`);
    expect(substitutes("US", 2021)).toEqual([
      "2021-06-18 Juneteenth (observed)",
      "2021-07-05 Independence Day (observed)",
      "2021-12-24 Christmas Day (observed)",
      "2021-12-31 New Year's Day (observed)",
    ]);
    expect(substitutes("US", 2026)).toEqual(["2026-07-03 Independence Day (observed)"]);
    expect(substitutes("GB", 2021)).toEqual([
      "2021-12-27 Christmas Day (observed)",
      "2021-12-28 Boxing Day (observed)",
    ]);
    expect(substitutes("GB", 2022)).toEqual([
      "2022-01-03 New Year's Day (observed)",
      "2022-12-27 Christmas Day (observed)",
    ]);
  });

  test("India's fixed-date national holidays; lunar festivals are not built in", () => {
    expect(holidays("IN", 2026, 2026).map((h) => `${h.date} ${h.id}`)).toEqual([
      "2026-01-26 republic_day",
      "2026-04-03 good_friday",
      "2026-08-15 independence_day",
      "2026-10-02 gandhi_jayanti",
      "2026-12-25 christmas",
    ]);
  });

  test("every one of the 15 markets has its national day or New Year, each holiday once a day, sorted by date", () => {
    expect([...CALENDAR_MARKETS.keys()].sort()).toEqual(
      ["AU", "BR", "DE", "DK", "ES", "FR", "GB", "IN", "IT", "JP", "MX", "NL", "NO", "SE", "US"].sort(),
    );
    for (const market of CALENDAR_MARKETS.keys()) {
      const found = holidays(market, 2020, 2030);
      expect(found.length).toBeGreaterThan(40);
      for (let i = 1; i < found.length; i++) expect(found[i].date >= found[i - 1].date).toBe(true);
      const keys = found.map((h) => `${h.date} ${h.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const h of found) {
        expect(h.market).toBe(market);
        expect(h.kind).toBe("public");
        expect(h.id).toMatch(/^[a-z_]+$/);
      }
    }
  });

  test("agrees with the python-holidays package on 2015-2030, apart from the documented differences", () => {
    const reference = JSON.parse(
      readFileSync(new URL("./fixtures/python-holidays.json", import.meta.url), "utf8"),
    ) as { markets: Record<string, [string, string][]> };
    // Sundays are not generated; India's lunar festivals are not computable by rule; Italy's Easter Sunday
    // and non-working commemorations are not days off.
    const notBuiltIn = /Sunday|National Unity Day|Unification/;
    // De facto days off (Nordic Christmas Eve, Brazil's Carnival, Mexico's Semana Santa), the monarch's
    // birthday of most Australian states, and Spanish holidays on Sundays (moved by some regions).
    const extra: Record<string, RegExp> = {
      SE: /^(midsummer_eve|christmas_eve|new_years_eve)$/,
      NO: /^christmas_eve$/,
      DK: /^christmas_eve$/,
      BR: /^(carnival_monday|carnival_tuesday|corpus_christi)$/,
      MX: /^(maundy_thursday|good_friday)$/,
      AU: /^(kings_birthday|queens_birthday)$/,
    };
    for (const [market, expected] of Object.entries(reference.markets)) {
      const mine = holidays(market, 2015, 2030);
      const mineDates = new Set(mine.map((h) => h.date));
      const referenceDates = new Set(expected.map(([date]) => date));
      const missing = expected.filter(
        ([date, name]) => !mineDates.has(date) && !notBuiltIn.test(name) && market !== "IN",
      );
      expect(missing, market).toEqual([]);
      const added = mine.filter(
        (h) =>
          !referenceDates.has(h.date) &&
          !extra[market]?.test(h.id) &&
          !(market === "ES" && weekdayOfDays(parseIsoDate(h.date)) === 0),
      );
      expect(added, market).toEqual([]);
      if (market === "IN") expect(mine.every((h) => referenceDates.has(h.date))).toBe(true);
    }
  });

  test("the shopping-days option adds Black Friday, Cyber Monday and the year-end days in every market", () => {
    for (const market of CALENDAR_MARKETS.keys()) {
      const found = holidays(market, 2026, 2026, { shoppingDays: true });
      const shopping = found.filter((h) => h.kind === "shopping").map((h) => `${h.date} ${h.id}`);
      expect(shopping).toContain("2026-11-27 black_friday");
      expect(shopping).toContain("2026-11-30 cyber_monday");
      for (const id of ["new_year", "christmas_eve", "christmas", "new_years_eve"]) {
        expect(found.filter((h) => h.id === id)).toHaveLength(1);
      }
    }
    expect(holidays("JP", 2026, 2026, { shoppingDays: true }).find((h) => h.id === "christmas")?.kind).toBe(
      "shopping",
    );
    expect(holidays("DE", 2026, 2026, { shoppingDays: true }).find((h) => h.id === "christmas")?.kind).toBe(
      "public",
    );
  });

  test("finds every holiday of the demo generator on its date, in its market, under its id", () => {
    const missing: string[] = [];
    for (const { geo } of MARKETS) {
      const calendar = new Set(
        holidays(geo, 2024, 2028, { shoppingDays: true }).map((h) => `${h.date} ${h.id}`),
      );
      for (let day = daysFromCivil(2024, 1, 1); day <= daysFromCivil(2028, 12, 31); day++) {
        const date = isoDate(day);
        const [year, month, dayOfMonth] = date.split("-").map(Number);
        for (const h of holidaysOn(geo, year, month, dayOfMonth)) {
          if (!calendar.has(`${date} ${h.id}`)) missing.push(`${geo} ${date} ${h.id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("holidaysBetween", () => {
  test("holidaysBetween(market, from, to) keeps the holidays of the inclusive date range, across years", () => {
    expect(holidaysBetween("GB", "2026-05-01", "2026-05-31").map((h) => h.date)).toEqual([
      "2026-05-04",
      "2026-05-25",
    ]);
    expect(holidaysBetween("DE", "2026-12-25", "2027-01-01").map((h) => h.id)).toEqual([
      "christmas",
      "second_christmas_day",
      "new_year",
    ]);
    expect(holidaysBetween("US", "2026-11-27", "2026-11-27")).toEqual([]);
    expect(holidaysBetween("US", "2026-11-27", "2026-11-27", { shoppingDays: true })).toEqual([
      { id: "black_friday", name: "Black Friday", market: "US", date: "2026-11-27", kind: "shopping" },
    ]);
  });
});

describe("bad input", () => {
  test("an unknown market, a year out of range or a reversed range is an error naming the parameter", () => {
    expect(() => holidays("XX", 2026, 2026)).toThrow('market: "XX" has no built-in calendar (US, GB, DE');
    expect(holidays("se", 2026, 2026)[0].market).toBe("SE");
    expect(() => holidays("US", 1899, 2026)).toThrow("fromYear: 1899 is not a year from 1900 to 2099");
    expect(() => holidays("US", 2026, 2100)).toThrow("toYear: 2100 is not a year from 1900 to 2099");
    expect(() => holidays("US", 2026.5, 2027)).toThrow("fromYear: 2026.5");
    expect(() => holidays("US", 2027, 2026)).toThrow("toYear: 2026 is before fromYear 2027");
    expect(() => holidaysBetween("US", "2026-02-30", "2026-03-01")).toThrow(
      'fromDate: "2026-02-30" is not a date (YYYY-MM-DD)',
    );
    expect(() => holidaysBetween("US", "2026-03-01", "26-03-02")).toThrow('toDate: "26-03-02"');
    expect(() => holidaysBetween("US", "2026-03-02", "2026-03-01")).toThrow(
      "toDate: 2026-03-01 is before fromDate 2026-03-02",
    );
  });
});
