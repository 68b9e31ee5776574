import type { PacingReport } from "../pacing/pacing-report.js";

const count = (x: number) => Math.round(x).toLocaleString("en-US");
const percent = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(1)}%`);

/** `avails pace` as a table: one line per campaign, then what the columns mean. */
export function formatPacing(report: PacingReport): string {
  const head = `pacing at ${report.at} (run ${report.run_id})`;
  if (report.campaigns.length === 0) return `${head}\nno live campaigns`;
  const rows = [
    [
      "campaign",
      "state",
      "delivered",
      "planned",
      "index",
      "goal",
      "projected P10..P90",
      "P(under)",
      "throttle",
      "burst",
    ],
    ...report.campaigns.map((c) => [
      c.campaign_id,
      c.state,
      count(c.delivered_to_date),
      count(c.planned_to_date),
      c.pacing_index === null ? "-" : c.pacing_index.toFixed(2),
      count(c.goal),
      `${count(c.projected.p10)}..${count(c.projected.p90)}`,
      percent(c.under_delivery_probability),
      c.throttle === null ? "-" : c.throttle.toFixed(3),
      c.burst?.ratio == null ? "-" : `${c.burst.ratio.toFixed(1)}x`,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r.map((cell, i) => (i <= 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "),
  );
  const notes = report.campaigns.flatMap((c) => [
    ...(c.plan.feasible
      ? []
      : [`${c.campaign_id}: the plan cannot carry the goal, short by ${count(c.plan.shortfall)}`]),
    ...(c.missing_hours > 0
      ? [`${c.campaign_id}: ${c.missing_hours} past hour(s) without data, left out`]
      : []),
    ...(c.supply.extended_hours > 0
      ? [
          `${c.campaign_id}: ${c.supply.extended_hours} flight hour(s) past the forecast, its last week repeated`,
        ]
      : []),
  ]);
  return [
    head,
    ...lines,
    "index: delivered / planned; throttle: pass-through probability for the hour starting at the pacing time;",
    "burst: busiest 5-minute window over an even spread of its hour",
    ...notes,
  ].join("\n");
}
