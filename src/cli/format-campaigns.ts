import type { Campaign, Targeting } from "../store/campaign.js";

/** `geo=SE,NO device=mobile`, or `all` for untargeted. */
export function formatTargeting(targeting: Targeting): string {
  const parts = Object.entries(targeting).map(([d, values]) => `${d}=${values.join(",")}`);
  return parts.length === 0 ? "all" : parts.join(" ");
}

/** The campaigns as an aligned table, one line each. */
export function formatCampaignTable(campaigns: readonly Campaign[]): string {
  if (campaigns.length === 0) return "no campaigns";
  const rows = [
    ["id", "priority", "pacing", "start", "end", "goal", "targeting", "name"],
    ...campaigns.map((c) => [
      c.id,
      c.priority,
      c.pacing,
      c.start,
      c.end,
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
          i === 5 ? cell.padStart(widths[i]) : i === r.length - 1 ? cell : cell.padEnd(widths[i]),
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
    `  flight       ${c.start} to ${c.end} (inclusive)`,
    `  goal         ${c.goal_impressions.toLocaleString("en-US")} impressions`,
    `  priority     ${c.priority}`,
    `  pacing       ${c.pacing}`,
  ];
  if (c.cpm_micros !== null) lines.push(`  cpm          ${(c.cpm_micros / 1e6).toFixed(2)}`);
  return lines.join("\n");
}
