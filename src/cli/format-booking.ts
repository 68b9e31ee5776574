import type { BookingOutcomeOf } from "../pacing/book-campaigns.js";
import { formatWholeNumber } from "../series/format-whole-number.js";
import type { BookingDecision } from "../store/booking-decision.js";

/**
 * One campaign's booking decision: a line with the decision and the guard's reason, and for a campaign that
 * does not fit, its days (where it runs short) and the guaranteed campaigns contending for its inventory.
 */
export function formatBookingOutcome({ campaign, decision, check }: BookingOutcomeOf): string {
  const lines = [`booking guard: ${campaign.id} ${decision}: ${check.reason}`];
  if (check.verdict !== "short") return lines[0];
  const q = check.quantile.toUpperCase();
  const rows = [
    ["day", "matched", "available", `available ${q}`, "wants", "short"],
    ...check.days.map((d) => [
      d.day,
      formatWholeNumber(d.matched),
      formatWholeNumber(d.available_mean),
      formatWholeNumber(d.available),
      formatWholeNumber(d.want),
      d.shortfall > 0 ? formatWholeNumber(d.shortfall) : "-",
    ]),
    [
      "flight",
      "",
      formatWholeNumber(check.bookable_mean),
      formatWholeNumber(check.bookable),
      formatWholeNumber(check.goal_checked),
      formatWholeNumber(check.shortfall),
    ],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) {
    lines.push(`  ${row.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  ")}`);
  }
  lines.push(
    check.contending.length === 0
      ? "  no guaranteed campaign contends: the targeting's traffic is short"
      : `  contending guaranteed campaigns: ${check.contending.map((c) => `${c.campaign_id} ${formatWholeNumber(c.impressions)}`).join(", ")}`,
  );
  return lines.join("\n");
}

/** The booking decision log as an aligned table, one line per decision. */
export function formatBookingDecisions(decisions: readonly BookingDecision[]): string {
  if (decisions.length === 0) return "no booking decisions";
  // Figures exist only where the guard compared the goal with the forecast.
  const figure = (d: BookingDecision, name: string) => {
    const value = d.figures[name];
    return typeof value === "number" && d.figures.checked != null ? formatWholeNumber(value) : "-";
  };
  const rows = [
    ["seq", "decided at", "campaign", "action", "decision", "goal", "bookable", "short", "run", "reason"],
    ...decisions.map((d) => [
      String(d.seq),
      d.decided_at.slice(0, 19).replace("T", " "),
      d.campaign_id,
      d.action,
      d.decision,
      figure(d, "goal_checked"),
      figure(d, "bookable"),
      figure(d, "shortfall"),
      typeof d.figures.run_id === "string" ? d.figures.run_id : "-",
      typeof d.figures.reason === "string" ? d.figures.reason : "",
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const right = new Set([0, 5, 6, 7]);
  return rows
    .map((r) =>
      r
        .map((v, c) => (c === r.length - 1 ? v : right.has(c) ? v.padStart(widths[c]) : v.padEnd(widths[c])))
        .join("  "),
    )
    .join("\n");
}
