import type { Campaign, Targeting } from "../store/campaign.js";

/** `geo=SE,NO device=mobile`, or `all` for untargeted. */
export function formatTargeting(targeting: Targeting): string {
  const parts = Object.entries(targeting).map(([d, values]) => `${d}=${values.join(",")}`);
  return parts.length === 0 ? "all" : parts.join(" ");
}

/** `even`, `frontloaded 25%` or `asap`. */
export function formatPacing(c: Campaign): string {
  return c.pacing === "frontloaded" ? `frontloaded ${c.frontload_percent}%` : c.pacing;
}

/** The campaigns as an aligned table, one line each. */
export function formatCampaignTable(campaigns: readonly Campaign[]): string {
  if (campaigns.length === 0) return "no campaigns";
  const rows = [
    ["id", "priority", "pacing", "start", "end", "time zone", "goal", "targeting", "name"],
    ...campaigns.map((c) => [
      c.id,
      c.priority,
      formatPacing(c),
      c.start,
      c.end,
      c.time_zone,
      c.goal_impressions.toLocaleString("en-US"),
      formatTargeting(c.targeting),
      c.name,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === 6 ? cell.padStart(widths[i]) : i === r.length - 1 ? cell : cell.padEnd(widths[i]),
        )
        .join("  "),
    )
    .join("\n");
}

/** One campaign, a field a line. */
export function formatCampaign(c: Campaign): string {
  const lines = [
    `campaign ${c.id}: ${c.name}`,
    `  advertiser   ${c.advertiser ?? "-"}`,
    `  targeting    ${formatTargeting(c.targeting)}`,
    `  flight       ${c.start} to ${c.end} (inclusive, ${c.time_zone})`,
    `  goal         ${c.goal_impressions.toLocaleString("en-US")} impressions${c.budget_micros === null ? "" : " (from the budget)"}`,
  ];
  if (c.budget_micros !== null) lines.push(`  budget       ${money(c.budget_micros)}`);
  if (c.cpm_micros !== null) lines.push(`  cpm          ${money(c.cpm_micros)}`);
  lines.push(`  priority     ${c.priority}`, `  pacing       ${formatPacing(c)}`);
  if (c.daily_cap !== null) lines.push(`  daily cap    ${c.daily_cap.toLocaleString("en-US")} impressions`);
  return lines.join("\n");
}

/** Micros as currency units with two decimals. */
function money(micros: number): string {
  return (micros / 1e6).toFixed(2);
}
