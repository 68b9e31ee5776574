import type { IngestReport, StoreStatus } from "../store/store.js";

const n = (x: number) => x.toLocaleString("en-US");

function reasonLines(quarantined: Record<string, number | undefined>): string[] {
  return Object.entries(quarantined)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, count]) => `    ${reason.padEnd(28)} ${n(count ?? 0).padStart(12)}`);
}

/** The human form of an ingest or backfill report. */
export function formatReport(report: IngestReport): string {
  const lines = [
    `${report.kind} run ${report.runId}: ${report.sources.length} file(s)`,
    `  rows read     ${n(report.rowsRead).padStart(12)}`,
    `  accepted      ${n(report.accepted).padStart(12)}`,
    `  duplicates    ${n(report.duplicates).padStart(12)}${report.replaced > 0 ? `  (${n(report.replaced)} replaced an older copy)` : ""}`,
    `  quarantined   ${n(report.quarantinedTotal).padStart(12)}`,
    ...reasonLines(report.quarantined),
  ];
  if (report.kind === "backfill") {
    lines.push(`  days          ${report.from} to ${report.to}`);
    lines.push(
      `  removed       ${n(report.removed ?? 0).padStart(12)}  (events of those days before the backfill)`,
    );
    lines.push(`  outside days  ${n(report.outsideRange ?? 0).padStart(12)}  (rows skipped)`);
  }
  lines.push(`  watermark     ${report.watermarkBefore ?? "none"} -> ${report.watermarkAfter ?? "none"}`);
  return lines.join("\n");
}

/** A report in one line, for runs of a series (the demo's live days). */
export function formatReportLine(report: IngestReport): string {
  const quarantined = Object.entries(report.quarantined)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, count]) => `${reason} ${n(count ?? 0)}`)
    .join(", ");
  return `${report.kind} run ${report.runId}: read ${n(report.rowsRead)}, accepted ${n(report.accepted)}, duplicates ${n(
    report.duplicates,
  )}, quarantined ${n(report.quarantinedTotal)}${quarantined ? ` (${quarantined})` : ""}, watermark ${report.watermarkAfter}`;
}

/** The human form of the store status. */
export function formatStatus(status: StoreStatus): string {
  const quarantinedTotal = Object.values(status.quarantined).reduce((a, b) => a + b, 0);
  const freshness =
    status.freshnessSeconds === null
      ? ""
      : ` (${(status.freshnessSeconds / 3600).toFixed(1)} h ago; allowed lateness ${status.allowedLatenessHours} h)`;
  return [
    "events",
    `  opportunity   ${n(status.events.opportunity).padStart(12)}`,
    `  impression    ${n(status.events.impression).padStart(12)}`,
    `  click         ${n(status.events.click).padStart(12)}`,
    `duplicates      ${n(status.duplicates).padStart(12)}`,
    `quarantined     ${n(quarantinedTotal).padStart(12)}`,
    ...reasonLines(status.quarantined),
    `first event     ${status.firstEvent ?? "none"}`,
    `watermark       ${status.watermark ?? "none"}${freshness}`,
    `runs            ${status.runs}${status.lastRun ? ` (last: ${status.lastRun.kind} ${status.lastRun.finishedAt})` : ""}`,
  ].join("\n");
}
