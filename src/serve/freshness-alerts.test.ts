import { describe, expect, it } from "vitest";
import { freshnessAlerts } from "./freshness-alerts.js";

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 26, 12);
const settings = { maxRunAgeHours: 3, maxWatermarkLagHours: 2 };

describe("freshnessAlerts(settings, now, runCreatedAt, watermark)", () => {
  it("raises the stale-run and late-data alerts past their thresholds, and nothing within them", () => {
    expect(freshnessAlerts(settings, NOW, NOW - 3 * H, NOW - 2 * H)).toEqual([]);
    expect(freshnessAlerts(settings, NOW, NOW - 4 * H, NOW - 5 * H)).toEqual([
      { kind: "stale_run", message: "the live run is 4.0 h old (alert past 3 h)" },
      { kind: "late_data", message: "the newest event is 5.0 h old (alert past 2 h)" },
    ]);
  });

  it("says nothing of a run or data that does not exist", () => {
    expect(freshnessAlerts(settings, NOW, null, null)).toEqual([]);
  });
});
