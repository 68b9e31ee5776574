import type { Adjustment } from "../forecast/adjust/adjustment.js";
import type { AdjustmentOutcome } from "../forecast/adjust/apply-adjustments.js";
import type { GateReport, RunInfo } from "../store/run-payload.js";

const n = (x: number) =>
  Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(x);

function bytes(count: number): string {
  if (count < 1024) return `${count} B`;
  if (count < 1024 ** 2) return `${(count / 1024).toFixed(1)} KiB`;
  if (count < 1024 ** 3) return `${(count / 1024 ** 2).toFixed(1)} MiB`;
  return `${(count / 1024 ** 3).toFixed(2)} GiB`;
}

function gateWord(gates: GateReport | null): string {
  if (gates === null) return "-";
  if (gates.passed) return "pass";
  return `fail: ${gates.results
    .filter((r) => !r.passed)
    .map((r) => r.gate)
    .join(",")}`;
}

/** The runs as a table, newest first. */
export function formatRunList(runs: readonly RunInfo[]): string {
  if (runs.length === 0) return "no forecast runs yet";
  const header = ["id", "status", "created", "watermark", "seed", "config", "size", "gates"];
  const rows = runs.map((r) => [
    r.id,
    r.status + (r.forced ? " (forced)" : ""),
    r.createdAt.slice(0, 19),
    r.watermark?.slice(0, 19) ?? "-",
    String(r.seed),
    r.configHash,
    r.pruned ? "pruned" : r.bytes === 0 ? "-" : bytes(r.bytes),
    r.status === "failed" ? `error: ${r.error}` : gateWord(r.gates),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** One run in full: what made it, its level totals, coherence and every gate. */
export function formatRun(run: RunInfo): string {
  const lines = [
    `run ${run.id}  ${run.status}${run.forced ? " (forced past failing gates)" : ""}`,
    `  created     ${run.createdAt}`,
    `  published   ${run.publishedAt ?? "-"}`,
    `  config      ${run.configHash}`,
    `  seed        ${run.seed}`,
    `  watermark   ${run.watermark ?? "-"}`,
    `  size        ${run.pruned ? "pruned (files removed, config runs.keep)" : bytes(run.bytes)}`,
  ];
  if (run.error !== null) lines.push(`  error       ${run.error}`);
  const summary = run.summary;
  if (summary !== null) {
    lines.push("  level totals over the horizon");
    for (const [level, total] of Object.entries(summary.levels)) {
      lines.push(`    ${level.padEnd(24)} ${n(total.total).padStart(20)}  ${total.series} series`);
    }
    lines.push("  coherence (max relative error)");
    const coherence = Object.entries(summary.coherence);
    if (coherence.length === 0) lines.push("    -");
    for (const [level, error] of coherence) {
      const series = error.series === undefined ? "" : `  (${error.series})`;
      lines.push(`    ${level.padEnd(24)} ${error.maxRelativeError.toExponential(2).padStart(20)}${series}`);
    }
  }
  const gates = run.gates;
  if (gates !== null) {
    const against = gates.against === null ? "no published run" : gates.against;
    lines.push(
      `  gates       ${gates.passed ? "passed" : "failed"} against ${against}, checked ${gates.checkedAt}`,
    );
    for (const result of gates.results) {
      lines.push(`    ${result.gate.padEnd(13)} ${result.passed ? "pass" : "FAIL"}`);
      for (const failure of result.failures) lines.push(`      ${failure.message}`);
    }
  }
  return lines.join("\n");
}

/** What one adjustment changes, in words: "+15%" or "50,000/day". */
export function formatChange(adjustment: Pick<Adjustment, "kind" | "value">): string {
  return adjustment.kind === "percent"
    ? `${adjustment.value >= 0 ? "+" : ""}${n(adjustment.value)}%`
    : `${n(adjustment.value)}/day`;
}

/** The targeting as typed on the command line, "all" when empty. */
export function formatTargeting(targeting: Adjustment["targeting"]): string {
  const text = Object.entries(targeting)
    .map(([d, v]) => `${d}=${v.join("+")}`)
    .join(",");
  return text === "" ? "all" : text;
}

/** The adjustments as a table, in the order they apply. */
export function formatAdjustments(adjustments: readonly Adjustment[]): string {
  if (adjustments.length === 0) return "no adjustments";
  const header = ["id", "name", "targeting", "start", "end", "change"];
  const rows = adjustments.map((a) => [
    String(a.id),
    a.name,
    formatTargeting(a.targeting),
    a.start,
    a.end,
    formatChange(a),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** What each adjustment did in a run, one line each plus its notes: for the run's report. */
export function formatAdjustmentReport(report: readonly AdjustmentOutcome[]): string {
  if (report.length === 0) return "adjustments: none";
  const lines = ["adjustments:"];
  for (const outcome of report) {
    const id = outcome.id === null ? "" : `${outcome.id} `;
    lines.push(
      `  ${id}"${outcome.name}" ${formatChange(outcome)}: ${outcome.series} series, ${outcome.days} day(s), ` +
        `${n(outcome.before)} -> ${n(outcome.after)}`,
    );
    for (const note of outcome.notes) lines.push(`    ${note}`);
  }
  return lines.join("\n");
}
