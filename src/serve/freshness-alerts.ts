import type { ServeConfig } from "../config/schema.js";

const HOUR = 3_600_000;

/** One freshness alert: which, and a line for people. */
export interface FreshnessAlert {
  kind: "stale_run" | "late_data";
  message: string;
}

/**
 * The freshness alerts at `now`: the live run older than `maxRunAgeHours`, the newest event older than
 * `maxWatermarkLagHours`. They are reported, never acted on: serving goes on from the last good run.
 *
 * @example
 * freshnessAlerts(config.serve, Date.now(), Date.parse(run.createdAt), watermark);
 * // [{ kind: "late_data", message: "the newest event is 5.2 h old (alert past 3 h)" }]
 */
export function freshnessAlerts(
  settings: Pick<ServeConfig, "maxRunAgeHours" | "maxWatermarkLagHours">,
  now: number,
  runCreatedAt: number | null,
  watermark: number | null,
): FreshnessAlert[] {
  const alerts: FreshnessAlert[] = [];
  if (runCreatedAt !== null) {
    const age = (now - runCreatedAt) / HOUR;
    if (age > settings.maxRunAgeHours) {
      alerts.push({
        kind: "stale_run",
        message: `the live run is ${age.toFixed(1)} h old (alert past ${settings.maxRunAgeHours} h)`,
      });
    }
  }
  if (watermark !== null) {
    const lag = (now - watermark) / HOUR;
    if (lag > settings.maxWatermarkLagHours) {
      alerts.push({
        kind: "late_data",
        message: `the newest event is ${lag.toFixed(1)} h old (alert past ${settings.maxWatermarkLagHours} h)`,
      });
    }
  }
  return alerts;
}
