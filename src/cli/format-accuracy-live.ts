import type { LiveAccuracy } from "../monitor/measure-accuracy.js";

const fixed = (digits: number) => (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : "-");
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "-");

/** A coverage in percent with its standard error in points where there is one: "79.1%±2.0". */
function withStandardError(coverage: number, standardError: number): string {
  if (!Number.isFinite(coverage) || !Number.isFinite(standardError)) return pct(coverage);
  return `${pct(coverage)}±${(100 * standardError).toFixed(1)}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/**
 * The live accuracy as text: the window, a table by level and horizon (each coverage with its standard error over
 * the days), the rolling MAPE and the alarms.
 */
export function formatLiveAccuracy(live: LiveAccuracy | null): string {
  if (live === null) return "no events in the store: nothing to score";
  const lines = [
    `scored window: ${live.window.from} to ${live.window.closedBefore} (${live.window.days} days)`,
  ];
  if (live.cells.length === 0) {
    lines.push("no published run has forecast a closed hour of this window yet");
  } else {
    lines.push(
      "",
      table(
        ["level", "horizon", "points", "WAPE", "MAPE", "MASE", "bias", "cover 80", "cover 95"],
        live.cells.map((c) => [
          c.level,
          c.horizon,
          String(c.points),
          pct(c.wape),
          pct(c.mape),
          fixed(3)(c.mase),
          pct(c.bias),
          withStandardError(c.coverage80, c.coverage80StandardError),
          withStandardError(c.coverage95, c.coverage95StandardError),
        ]),
      ),
      "",
      `rolling 7-day MAPE (day-ahead, daily totals, mean over series): ${live.rollingMape
        .map((r) => `${r.level} ${pct(r.mape)}`)
        .join(", ")}`,
    );
  }
  lines.push("");
  if (live.alarms.length === 0) lines.push("no drift alarms");
  else lines.push(`${live.alarms.length} drift alarm(s):`, ...live.alarms.map((a) => `  ${a.message}`));
  return lines.join("\n");
}
