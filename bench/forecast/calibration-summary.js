// node bench/forecast/calibration-summary.js — one line per model over every data set of the last bench:forecast
// results (bench/out/forecast/results.json): how far its intervals' coverage is from 80% and 95% on average, and
// its MASE relative to the seasonal naive's, so that calibration and accuracy over many kinds of series read at a
// glance beside the per-set tables. bench:forecast prints the same table at the end of its accuracy tables.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Rows of the models that scored on every data set of `results` (bench:forecast's results.json): the mean over the
 * sets of |coverage - level| at 80% and 95% in points, the largest such miss, and the geometric mean over the sets
 * of the model's MASE over the seasonal naive's (below 1: better than repeating the last season), best calibrated
 * first.
 *
 * @example
 * calibrationSummary(JSON.parse(readFileSync("bench/out/forecast/results.json", "utf8"))).rows[0].model;
 */
export function calibrationSummary(results) {
  const sets = Object.entries(results).filter(
    ([, rows]) => Array.isArray(rows) && rows.some((r) => r.model === "seasonal naive (bench)"),
  );
  const models = new Map();
  for (const [set, rows] of sets) {
    const naive = rows.find((r) => r.model === "seasonal naive (bench)").mase;
    for (const r of rows) {
      if (!Number.isFinite(r.mase) || !Number.isFinite(r.coverage80) || !Number.isFinite(r.coverage95))
        continue;
      const entry = models.get(r.model) ?? [];
      entry.push({
        set,
        miss80: 100 * (r.coverage80 - 0.8),
        miss95: 100 * (r.coverage95 - 0.95),
        relative: r.mase / naive,
      });
      models.set(r.model, entry);
    }
  }
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  const rows = [...models]
    .filter(([, entries]) => entries.length === sets.length)
    .map(([model, entries]) => ({
      model,
      meanMiss80: mean(entries.map((e) => Math.abs(e.miss80))),
      meanMiss95: mean(entries.map((e) => Math.abs(e.miss95))),
      worst80: entries.reduce((a, b) => (Math.abs(b.miss80) > Math.abs(a.miss80) ? b : a)),
      worst95: entries.reduce((a, b) => (Math.abs(b.miss95) > Math.abs(a.miss95) ? b : a)),
      relativeMase: Math.exp(mean(entries.map((e) => Math.log(e.relative)))),
    }))
    .sort((a, b) => a.meanMiss80 + a.meanMiss95 - (b.meanMiss80 + b.meanMiss95));
  return { sets: sets.map(([set]) => set), rows };
}

/**
 * The summary as a Markdown table.
 *
 * @example
 * console.log(formatCalibrationSummary(calibrationSummary(results)));
 */
export function formatCalibrationSummary({ sets, rows }) {
  const signed = (x) => `${x > 0 ? "+" : ""}${x.toFixed(1)}`;
  const lines = [
    `### over all ${sets.length} data sets: mean distance of the coverage from its level (points), and MASE over the seasonal naive's (geometric mean)\n`,
    "| model | mean miss 80 | mean miss 95 | largest miss 80 | largest miss 95 | MASE / seasonal naive |",
    "| --- | ---: | ---: | --- | --- | ---: |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.model} | ${r.meanMiss80.toFixed(1)} | ${r.meanMiss95.toFixed(1)} | ${signed(r.worst80.miss80)} (${r.worst80.set}) | ` +
        `${signed(r.worst95.miss95)} (${r.worst95.set}) | ${r.relativeMase.toFixed(3)} |`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = join(fileURLToPath(new URL(".", import.meta.url)), "..", "out", "forecast", "results.json");
  console.log(formatCalibrationSummary(calibrationSummary(JSON.parse(readFileSync(path, "utf8")))));
}
