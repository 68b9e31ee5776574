import type { SimulationReport } from "../pacing/simulate/simulate-store.js";

/**
 * The readable report of `avails simulate`: one table per pacer (delivered over goal, feasibility, tracking
 * error and its binomial floor, hours at 0 and 1), then how the feasible campaigns fared against the targets.
 *
 * @example
 * console.log(formatSimulation(report));
 */
export function formatSimulation(report: SimulationReport): string {
  const lines: string[] = [
    `stretch ${report.stretch.start} to ${report.stretch.end} (${report.stretch.level}, ${report.stretch.leaves} leaves), ` +
      `campaigns ${report.campaigns === "store" ? "from the store" : "generated"}` +
      (report.generated_demo ? ", demo data generated into the empty store" : ""),
  ];
  const header = [
    "campaign",
    "priority",
    "mode",
    "goal",
    "delivered",
    "of goal",
    "feasible",
    "MAD",
    "h@0",
    "h@1",
  ];
  for (const pacer of report.pacers) {
    lines.push("", `pacer ${pacer.name}`);
    const rows = pacer.campaigns.map((c) => [
      c.id,
      c.priority,
      c.mode,
      c.goal.toLocaleString("en-US"),
      c.delivered.toLocaleString("en-US"),
      c.goal > 0 ? `${((100 * c.delivered) / c.goal).toFixed(1)}%` : "-",
      c.feasible ? "yes" : "NO",
      `${(100 * c.tracking_mad).toFixed(1)}%`,
      `${(100 * c.noise_mad).toFixed(1)}%`,
      String(c.hours_at_zero),
      String(c.hours_at_one),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) =>
      cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
    lines.push(line(header), ...rows.map(line));
    const feasible = pacer.campaigns.filter((c) => c.feasible && c.goal > 0);
    const within = feasible.filter(
      (c) => Math.abs(c.delivered / c.goal - 1) <= 0.02 && c.delivered <= 1.01 * c.goal,
    );
    const tracked = feasible.filter((c) => c.tracking_mad < 0.15);
    lines.push(
      `feasible campaigns within ±2% of goal: ${within.length}/${feasible.length}; tracking MAD under 15%: ${tracked.length}/${feasible.length}`,
    );
  }
  return lines.join("\n");
}
