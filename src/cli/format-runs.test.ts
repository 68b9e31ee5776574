import { describe, expect, it } from "vitest";
import { formatAdjustmentReport, formatAdjustments, formatRunList } from "./format-runs.js";

describe("run and adjustment formatting", () => {
  it("formatAdjustmentReport(report) gives one line per adjustment with series, days, totals and notes", () => {
    expect(
      formatAdjustmentReport([
        {
          id: 1,
          name: "xmas SE",
          kind: "percent",
          value: 15,
          series: 3,
          days: 24,
          before: 1_200_000,
          after: 1_380_000,
          notes: [],
        },
        {
          id: 2,
          name: "FI",
          kind: "daily_volume",
          value: 50_000,
          series: 0,
          days: 0,
          before: 0,
          after: 0,
          notes: ["no series matches the targeting"],
        },
      ]),
    ).toBe(
      [
        "adjustments:",
        '  1 "xmas SE" +15%: 3 series, 24 day(s), 1,200,000 -> 1,380,000',
        '  2 "FI" 50,000/day: 0 series, 0 day(s), 0 -> 0',
        "    no series matches the targeting",
      ].join("\n"),
    );
    expect(formatAdjustmentReport([])).toBe("adjustments: none");
  });

  it("formatRunList and formatAdjustments say so when there is nothing", () => {
    expect(formatRunList([])).toBe("no forecast runs yet");
    expect(formatAdjustments([])).toBe("no adjustments");
  });
});
