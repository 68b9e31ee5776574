import type { Command } from "commander";
import type { AvailsReport, Distribution } from "../pacing/avails.js";
import { formatWholeNumber } from "../series/format-whole-number.js";
import { parseTargetingFlags } from "./campaign-flags.js";
import { globalOptions, withStore } from "./context.js";
import { collectRepeated } from "./forecast-flags.js";

/** The dimensions with flags of their own (`--geo SE,NO`); any configured one works with `--targeting`. */
const DIMENSION_FLAGS = ["geo", "device", "content"] as const;

interface QueryFlags {
  start?: string;
  end?: string;
  granularity?: string;
  priority?: string;
  targeting: string[];
  breakdown?: boolean;
  json?: boolean;
  geo?: string;
  device?: string;
  content?: string;
}

/** `avails query`: matched, booked, available and possible impressions of a targeting, from the published run. */
export function registerQuery(program: Command): void {
  const command = program
    .command("query")
    .description(
      "avails of a targeting from the published forecast run: matched, booked, available, possible",
    )
    .option("--start <date>", "first day, YYYY-MM-DD (reporting time zone)")
    .option("--end <date>", "last day, inclusive")
    .option("--granularity <g>", "hour, day or week", "day")
    .option("--priority <p>", "priority of the booking you plan: guaranteed, standard or house", "guaranteed")
    .option(
      "--targeting <dim=values>",
      "any configured dimension, repeatable: content=music,podcast",
      collectRepeated,
      [],
    )
    .option("--breakdown", "add the period's figures by each targeted value")
    .option("--json", "print the answer as one JSON object");
  for (const dimension of DIMENSION_FLAGS)
    command.option(`--${dimension} <values>`, `${dimension} values, comma-separated`);
  command.action(async (flags: QueryFlags, self: Command) => {
    if (flags.start === undefined) throw new Error("--start: required, the first day (YYYY-MM-DD)");
    if (flags.end === undefined) throw new Error("--end: required, the last day (YYYY-MM-DD)");
    const targeting = parseTargetingFlags([
      ...DIMENSION_FLAGS.filter((d) => flags[d] !== undefined).map((d) => `${d}=${flags[d]}`),
      ...flags.targeting,
    ]);
    const { readPublishedForecast } = await import("../run/published-forecast.js");
    const { availsContext, answerAvails } = await import("../pacing/avails.js");
    const report = await withStore(globalOptions(self), true, async (store, config) => {
      const forecast = await readPublishedForecast(store);
      if (forecast === null) throw new Error("no published forecast run: run `avails forecast` first");
      const campaigns = await store.listCampaigns();
      const context = availsContext(
        forecast.runId,
        forecast.paths,
        forecast.manifest.leafKeys,
        forecast.manifest.start,
        campaigns,
        config,
      );
      return answerAvails(context, {
        start: flags.start as string,
        end: flags.end as string,
        granularity: flags.granularity as AvailsReport["granularity"],
        priority: flags.priority as AvailsReport["priority"],
        targeting,
        breakdown: flags.breakdown,
        safetyQuantile: config.safetyQuantile,
      });
    }).catch((error: Error) => {
      // Name the flag behind a request field.
      throw new Error(error.message.replace(/^(start|end|granularity|priority|targeting):/, "--$1:"));
    });
    console.log(flags.json ? JSON.stringify(report) : formatAvails(report));
  });
}

function cell(d: Distribution): string {
  return `${formatWholeNumber(d.mean)} (${formatWholeNumber(d.p10)}-${formatWholeNumber(d.p90)})`;
}

/** The answer as a table: one row per interval and the total, each figure as mean (P10-P90). */
export function formatAvails(report: AvailsReport): string {
  const targeting = Object.entries(report.targeting)
    .map(([d, v]) => `${d}=${v.join(",")}`)
    .join(" ");
  const lines = [
    `avails ${report.start} to ${report.end} by ${report.granularity}, ${targeting || "all inventory"}, ` +
      `${report.priority} priority (run ${report.run_id}); mean (P10-P90)`,
  ];
  const rows = [
    ["interval", "matched", "booked", "available", "possible"],
    ...report.intervals.map((i) => [
      i.start === i.end ? i.start : `${i.start}..${i.end}`,
      cell(i.matched),
      cell(i.booked),
      cell(i.available),
      cell(i.possible),
    ]),
    [
      "total",
      cell(report.total.matched),
      cell(report.total.booked),
      cell(report.total.available),
      cell(report.total.possible),
    ],
    ...(report.breakdown ?? []).map((b) => [
      `${b.dimension}=${b.value}`,
      cell(b.matched),
      cell(b.booked),
      cell(b.available),
      cell(b.possible),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows)
    lines.push(row.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  "));
  if (report.safety !== undefined) {
    const key = report.safety.key;
    lines.push(
      `safety buffer (config safetyQuantile ${report.safety.quantile}): sell ${formatWholeNumber(report.total.available[key])} ` +
        `available (${key.toUpperCase()}), not the mean ${formatWholeNumber(report.total.available.mean)}`,
    );
  }
  if (report.contending.length > 0) {
    lines.push("contending campaigns:");
    for (const c of report.contending)
      lines.push(`  ${c.campaign_id} (${c.priority}) ${formatWholeNumber(c.impressions)}`);
  }
  return lines.join("\n");
}
