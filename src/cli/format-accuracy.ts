import type { ModelAccuracy } from "../run/backtest-summary.js";

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "-";
}

/** A t statistic to 2 decimals; every fold the same nonzero difference makes it infinite, said as such. */
function tStatistic(t: number): string {
  if (t === Number.POSITIVE_INFINITY) return "∞";
  if (t === Number.NEGATIVE_INFINITY) return "-∞";
  return fixed(t, 2);
}

/** A coverage to 3 decimals, with its standard error over the folds where there is one: "0.794±0.021". */
function withStandardError(value: number, standardError: number | undefined): string {
  const text = fixed(value, 3);
  return Number.isFinite(value) && Number.isFinite(standardError)
    ? `${text}±${fixed(standardError as number, 3)}`
    : text;
}

/** What a paired t statistic says at 5%, two-sided. */
function verdict(t: number): string {
  if (Number.isNaN(t)) return "too few folds to judge";
  return Math.abs(t) < 1.96 ? "within chance" : "beyond chance at 5%";
}

/**
 * A backtest's accuracy as an aligned text table, one row per model (each coverage with its standard error over
 * the folds), then which model forecast how many folds (for the automatic model, the winners), then each model
 * against the one with the lowest MASE.
 *
 * @example formatAccuracyTable({ series: 8, horizon: 12, windows: 2, seasons: [12], models }, [80, 95])
 */
export function formatAccuracyTable(
  summary: {
    series: number;
    horizon: number;
    windows: number;
    seasons: readonly number[];
    models: readonly ModelAccuracy[];
  },
  levels: readonly number[],
): string {
  const header = [
    "model",
    "MASE",
    "WAPE",
    "sMAPE",
    "RMSE",
    ...levels.map((l) => `cover-${l}`),
    ...levels.map((l) => `MSIS-${l}`),
  ];
  const rows = summary.models.map((m) => [
    m.model,
    fixed(m.mase, 3),
    fixed(m.wape, 4),
    fixed(m.smape, 4),
    fixed(m.rmse, 2),
    ...levels.map((l) => withStandardError(m.coverage[String(l)], m.coverageStandardError[String(l)])),
    ...levels.map((l) => fixed(m.msis[String(l)], 2)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const seasons = summary.seasons.length > 0 ? summary.seasons.join(", ") : "none";
  const out = [
    `${summary.series} series, ${summary.windows} windows of ${summary.horizon} steps, seasons ${seasons}`,
    line(header),
    ...rows.map(line),
  ];
  for (const m of summary.models) {
    const chosen = Object.entries(m.chosen)
      .sort((a, b) => b[1] - a[1])
      .map(([description, folds]) => `${description} ×${folds}`);
    out.push(`${m.model} forecast with: ${chosen.join(", ")}`);
  }
  for (const m of summary.models) {
    const c = m.againstBest;
    if (c === null || c.count === 0) continue;
    const sign = c.meanDifference > 0 ? "+" : "";
    const same = c.aBetter === 0 && c.bBetter === 0;
    out.push(
      `${m.model} against ${c.model} (lowest MASE), fold by fold: ` +
        (same
          ? `the same MASE on all ${c.count} folds`
          : `MASE ${sign}${fixed(c.meanDifference, 3)} per fold, ` +
            `t = ${tStatistic(c.t)} over ${c.count} fold${c.count === 1 ? "" : "s"} (${verdict(c.t)}), better on ${c.aBetter}`),
    );
  }
  return `${out.join("\n")}\n`;
}
