import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDs, parseDs } from "./frequency.js";
import { addSteps, describeGrid, gridIndex, gridTime, inferGrid, type TimeGrid } from "./time-grid.js";

const hourly: TimeGrid = { freq: "hourly", anchor: 0, phase: 0 };
const daily: TimeGrid = { freq: "daily", anchor: 0, phase: 0 };
const mondays: TimeGrid = { freq: "weekly", anchor: 0, phase: 0 };
const monthStarts: TimeGrid = { freq: "monthly", anchor: 1, phase: 0 };
const monthEnds: TimeGrid = { freq: "monthly", anchor: 31, phase: 0 };
const quarterStarts: TimeGrid = { freq: "quarterly", anchor: 1, phase: 0 };
const quarterEnds: TimeGrid = { freq: "quarterly", anchor: 31, phase: 2 };

/** ds texts of `count` steps from `first` on a grid. */
function steps(grid: TimeGrid, first: string, count: number): string[] {
  const start = parseDs(grid.freq, first);
  return Array.from({ length: count }, (_, n) => formatDs(grid.freq, addSteps(grid, start, n)));
}

describe("addSteps", () => {
  it("addSteps(hourly grid, time, n) moves whole hours across days, months and years", () => {
    expect(steps(hourly, "2024-12-31 22:00:00", 4)).toEqual([
      "2024-12-31 22:00:00",
      "2024-12-31 23:00:00",
      "2025-01-01 00:00:00",
      "2025-01-01 01:00:00",
    ]);
    expect(formatDs("hourly", addSteps(hourly, parseDs("hourly", "2024-02-28 12:00:00"), 24))).toBe(
      "2024-02-29 12:00:00",
    );
  });

  it("addSteps(hourly grid at :30, time, n) keeps the half hour", () => {
    const grid: TimeGrid = { freq: "hourly", anchor: 30 * 60_000, phase: 0 };
    expect(steps(grid, "2026-01-01 23:30:00", 2)).toEqual(["2026-01-01 23:30:00", "2026-01-02 00:30:00"]);
  });

  it("addSteps(daily grid, time, n) passes 29 February in leap years and skips it otherwise", () => {
    expect(steps(daily, "2024-02-28", 3)).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(steps(daily, "2023-02-28", 2)).toEqual(["2023-02-28", "2023-03-01"]);
    expect(steps(daily, "1900-02-28", 2)).toEqual(["1900-02-28", "1900-03-01"]);
  });

  it("addSteps(weekly grid, time, n) moves seven days and keeps the weekday", () => {
    expect(steps(mondays, "2024-02-26", 3)).toEqual(["2024-02-26", "2024-03-04", "2024-03-11"]);
    expect(steps({ freq: "weekly", anchor: 6, phase: 0 }, "2023-12-31", 2)).toEqual([
      "2023-12-31",
      "2024-01-07",
    ]);
  });

  it("addSteps(monthly grid, time, n) moves calendar months across years", () => {
    expect(steps(monthStarts, "2023-11-01", 4)).toEqual([
      "2023-11-01",
      "2023-12-01",
      "2024-01-01",
      "2024-02-01",
    ]);
  });

  it("addSteps(month-end grid, time, n) lands on each month's last day, 29 February in leap years", () => {
    expect(steps(monthEnds, "2023-12-31", 5)).toEqual([
      "2023-12-31",
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
    ]);
    expect(formatDs("monthly", addSteps(monthEnds, parseDs("monthly", "2023-01-31"), 1))).toBe("2023-02-28");
    expect(formatDs("monthly", addSteps(monthEnds, parseDs("monthly", "2100-01-31"), 1))).toBe("2100-02-28");
  });

  it("addSteps(grid on the 30th, time, n) uses February's end and returns to the 30th", () => {
    const grid: TimeGrid = { freq: "monthly", anchor: 30, phase: 0 };
    expect(steps(grid, "2024-01-30", 3)).toEqual(["2024-01-30", "2024-02-29", "2024-03-30"]);
  });

  it("addSteps(quarterly grid, time, n) moves three calendar months", () => {
    expect(steps(quarterStarts, "2023-07-01", 4)).toEqual([
      "2023-07-01",
      "2023-10-01",
      "2024-01-01",
      "2024-04-01",
    ]);
    expect(steps(quarterEnds, "2023-09-30", 4)).toEqual([
      "2023-09-30",
      "2023-12-31",
      "2024-03-31",
      "2024-06-30",
    ]);
  });

  it("addSteps(grid, time, -n) moves back", () => {
    expect(formatDs("monthly", addSteps(monthEnds, parseDs("monthly", "2024-03-31"), -1))).toBe("2024-02-29");
    expect(formatDs("hourly", addSteps(hourly, parseDs("hourly", "2024-01-01 00:00:00"), -1))).toBe(
      "2023-12-31 23:00:00",
    );
  });

  it("addSteps(grid, time, n) throws for a time off the grid", () => {
    expect(() => addSteps(monthStarts, Date.UTC(2024, 0, 15), 1)).toThrow("is not on the monthly grid");
  });
});

describe("gridIndex", () => {
  it("gridIndex(grid, time) is NaN off the grid", () => {
    expect(gridIndex(hourly, Date.UTC(2026, 0, 1, 10, 30))).toBeNaN();
    expect(gridIndex(daily, Date.UTC(2026, 0, 1, 10))).toBeNaN();
    expect(gridIndex(mondays, Date.UTC(2024, 1, 27))).toBeNaN(); // a Tuesday
    expect(gridIndex(monthStarts, Date.UTC(2024, 0, 15))).toBeNaN();
    expect(gridIndex(monthEnds, Date.UTC(2024, 1, 28))).toBeNaN(); // 2024 is a leap year
    expect(gridIndex(quarterStarts, Date.UTC(2024, 1, 1))).toBeNaN(); // February
    expect(gridIndex(quarterEnds, Date.UTC(2024, 2, 30))).toBeNaN();
  });

  it("gridIndex(grid, gridTime(grid, n)) is n on every grid", () => {
    const grids: TimeGrid[] = [
      hourly,
      { freq: "hourly", anchor: 45 * 60_000, phase: 0 },
      daily,
      mondays,
      { freq: "weekly", anchor: 3, phase: 0 },
      monthStarts,
      monthEnds,
      { freq: "monthly", anchor: 29, phase: 0 },
      quarterStarts,
      quarterEnds,
      { freq: "quarterly", anchor: 15, phase: 1 },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...grids), fc.integer({ min: 0, max: 9000 * 12 }), (grid, n) => {
        expect(gridIndex(grid, gridTime(grid, n))).toBe(n);
      }),
    );
  });
});

describe("inferGrid", () => {
  const times = (freq: TimeGrid["freq"], texts: string[]) => texts.map((t) => parseDs(freq, t));

  it("inferGrid(freq, times) takes the grid of most points", () => {
    expect(
      inferGrid(
        "hourly",
        times("hourly", ["2026-01-01 10:30:00", "2026-01-01 11:00:00", "2026-01-01 12:00:00"]),
      ),
    ).toEqual(hourly);
    expect(inferGrid("weekly", times("weekly", ["2024-02-26", "2024-03-05", "2024-03-11"]))).toEqual(mondays);
    expect(inferGrid("monthly", times("monthly", ["2024-01-01", "2024-02-15", "2024-03-01"]))).toEqual(
      monthStarts,
    );
    expect(inferGrid("quarterly", times("quarterly", ["2024-01-01", "2024-04-01", "2024-08-01"]))).toEqual(
      quarterStarts,
    );
  });

  it("inferGrid(freq, times) breaks a tie in favour of the first point", () => {
    expect(inferGrid("weekly", times("weekly", ["2024-02-27", "2024-03-04"])).anchor).toBe(1);
    expect(inferGrid("hourly", times("hourly", ["2026-01-01 10:30:00", "2026-01-01 12:00:00"])).anchor).toBe(
      30 * 60_000,
    );
  });

  it("inferGrid(monthly, month ends) anchors at 31 so that short months end on the grid", () => {
    expect(inferGrid("monthly", times("monthly", ["2024-01-31", "2024-02-29", "2024-03-31"]))).toEqual(
      monthEnds,
    );
    expect(inferGrid("monthly", times("monthly", ["2024-04-30", "2024-06-30"]))).toEqual(monthEnds);
    expect(inferGrid("quarterly", times("quarterly", ["2023-09-30", "2023-12-31", "2024-03-31"]))).toEqual(
      quarterEnds,
    );
  });

  it("inferGrid(monthly, the 30th of each month) keeps the 30th, with February's end on it", () => {
    const grid = inferGrid("monthly", times("monthly", ["2024-01-30", "2024-02-29", "2024-03-30"]));
    expect(grid).toEqual({ freq: "monthly", anchor: 30, phase: 0 });
    expect(gridIndex(grid, parseDs("monthly", "2024-02-29"))).not.toBeNaN();
  });

  it("inferGrid(daily, times) is every day", () => {
    expect(inferGrid("daily", [0])).toEqual(daily);
  });

  it("inferGrid(freq, []) throws", () => {
    expect(() => inferGrid("daily", [])).toThrow("inferGrid: no times");
  });

  it("inferGrid(freq, a year of consecutive grid points) is that grid", () => {
    const grid = fc.oneof(
      fc
        .integer({ min: 0, max: 3599 })
        .map((s): TimeGrid => ({ freq: "hourly", anchor: s * 1000, phase: 0 })),
      fc.constant(daily),
      fc.integer({ min: 0, max: 6 }).map((anchor): TimeGrid => ({ freq: "weekly", anchor, phase: 0 })),
      fc.integer({ min: 1, max: 31 }).map((anchor): TimeGrid => ({ freq: "monthly", anchor, phase: 0 })),
      fc
        .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 2 }))
        .map(([anchor, phase]): TimeGrid => ({ freq: "quarterly", anchor, phase })),
    );
    fc.assert(
      fc.property(grid, fc.integer({ min: 1900 * 4, max: 2100 * 4 }), (g, first) => {
        const count = { hourly: 24 * 8, daily: 7, weekly: 7, monthly: 12, quarterly: 4 }[g.freq];
        const start = g.freq === "hourly" ? first * 2000 : first;
        const points = Array.from({ length: count }, (_, n) => gridTime(g, start + n));
        expect(inferGrid(g.freq, points)).toEqual(g);
      }),
    );
  });
});

describe("describeGrid", () => {
  it("describeGrid(grid) says where the points fall", () => {
    expect(describeGrid(hourly)).toBe("whole hours");
    expect(describeGrid({ freq: "hourly", anchor: 30 * 60_000, phase: 0 })).toBe("30 min past each hour");
    expect(describeGrid({ freq: "hourly", anchor: 30 * 60_000 + 5000, phase: 0 })).toBe(
      "30 min 5 s past each hour",
    );
    expect(describeGrid(daily)).toBe("every day");
    expect(describeGrid(mondays)).toBe("Mondays");
    expect(describeGrid({ freq: "weekly", anchor: 6, phase: 0 })).toBe("Sundays");
    expect(describeGrid(monthStarts)).toBe("day 1 of each month");
    expect(describeGrid(monthEnds)).toBe("the last day of each month");
    expect(describeGrid(quarterStarts)).toBe("day 1 of Jan, Apr, Jul and Oct");
    expect(describeGrid(quarterEnds)).toBe("the last day of Mar, Jun, Sep and Dec");
  });
});
