import { describe, expect, test } from "vitest";
import { seriesMarket, seriesRegressors } from "./calendar-settings.js";

const daily = { freq: "daily" as const, anchor: 0, phase: 0 };
const settings = { holidays: "auto", userEvents: [], shoppingDays: false, lead: 0, lag: 0 };

describe("seriesMarket(id, holidays)", () => {
  test("auto reads a geo=XX part of the id, upper-cased, wherever it stands", () => {
    expect(seriesMarket("geo=se|device=mobile", "auto")).toBe("SE");
    expect(seriesMarket("device=tv|geo=DE", "auto")).toBe("DE");
    expect(seriesMarket("geo=US", "auto")).toBe("US");
  });

  test("auto without a two-letter geo gives *, a code gives itself, none gives *", () => {
    expect(seriesMarket("total", "auto")).toBe("*");
    expect(seriesMarket("geo=USA", "auto")).toBe("*");
    expect(seriesMarket("geo=US", "gb")).toBe("GB");
    expect(seriesMarket("geo=US", "none")).toBe("*");
  });
});

describe("seriesRegressors(series, horizon, settings)", () => {
  // 2024-12-01 to 2026-12-19 (749 days), forecasting 14 days past it.
  const series = { id: "geo=DE|device=mobile", grid: daily, start: Date.UTC(2024, 11, 1), length: 749 };

  test("gives the market's holidays seen in the history a column each, covering history and horizon", () => {
    const { market, names, xreg, warnings } = seriesRegressors(series, 14, settings);
    expect(market).toBe("DE");
    expect(warnings).toEqual([]);
    expect(names).toContain("christmas");
    const christmas = xreg[names.indexOf("christmas")];
    expect(christmas).toHaveLength(749 + 14);
    // 2024-12-25 is day 24 of the series; 2026-12-25 is day 754, inside the horizon.
    expect(christmas[24]).toBe(1);
    expect(christmas[754]).toBe(1);
    expect(christmas.reduce((a, b) => a + b, 0)).toBe(3);
  });

  test("warns when auto finds no geo in the id, and then has no public holidays", () => {
    const { market, names, warnings } = seriesRegressors({ ...series, id: "total" }, 14, settings);
    expect(market).toBe("*");
    expect(names).toEqual([]);
    expect(warnings).toEqual([
      "no geo=XX in the id: no public holidays, only the events for every market (*)",
    ]);
  });
});
