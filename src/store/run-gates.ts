import type { GateFailure, GateReport, GateResult, RunSummary } from "./run-payload.js";

/** The limits the gates hold a run to (config `runs`). */
export interface GateLimits {
  /** Largest share a level's total may move from the published run's. */
  maxLevelShift: number;
  /** Largest relative coherence error. */
  coherenceTolerance: number;
}

/** The run a new one is compared against. */
export interface PublishedSummary {
  id: string;
  summary: RunSummary;
}

const num = (x: number) =>
  Number.isFinite(x) ? x.toLocaleString("en-US", { maximumSignificantDigits: 6 }) : String(x);
const pct = (x: number) => `${Number.isFinite(x) ? (x * 100).toFixed(1) : String(x)}%`;

/**
 * Checks a run before it is published: every number finite (payload arrays and level totals), none negative
 * (unless its array is signed), coherence errors within the tolerance, and no level's total moved more than the
 * allowed share from the published run's. Pure; each failure names the array and row, level or aggregate, and
 * the number.
 *
 * @example
 * const report = evaluateGates(run.summary, { id: "r000003", summary: published.summary },
 *   { maxLevelShift: 0.5, coherenceTolerance: 1e-9 });
 * report.passed; // false
 * report.results[3].failures[0].message;
 * // 'level "geo" total moved +62.1% from r000003 (1,200,000 -> 1,945,000), over the 50.0% limit'
 */
export function evaluateGates(
  summary: RunSummary,
  published: PublishedSummary | null,
  limits: GateLimits,
  checkedAt = new Date().toISOString(),
): GateReport {
  const results = [
    finiteGate(summary),
    nonNegativeGate(summary),
    coherenceGate(summary, limits.coherenceTolerance),
    levelShiftGate(summary, published, limits.maxLevelShift),
  ];
  return { passed: results.every((r) => r.passed), against: published?.id ?? null, checkedAt, results };
}

function result(gate: GateResult["gate"], failures: GateFailure[]): GateResult {
  return { gate, passed: failures.length === 0, failures };
}

function where(first: { index: number; row?: string; offset?: number }): string {
  return first.row === undefined
    ? `at index ${first.index}`
    : `in row "${first.row}" at offset ${first.offset}`;
}

function finiteGate(summary: RunSummary): GateResult {
  const failures: GateFailure[] = [];
  for (const [name, check] of Object.entries(summary.arrays)) {
    if (check.nonFinite === 0) continue;
    // The first bad value of an array with non-finite values may be a negative one that came earlier.
    const first = check.firstBad;
    const detail =
      first !== null && !Number.isFinite(first.value) ? `, the first ${first.value} ${where(first)}` : "";
    failures.push({
      subject: `array ${name}`,
      value: check.nonFinite,
      limit: 0,
      message: `array "${name}" holds ${num(check.nonFinite)} non-finite value(s) of ${num(check.length)}${detail}`,
    });
  }
  for (const [level, total] of Object.entries(summary.levels)) {
    if (!Number.isFinite(total.total)) {
      failures.push({
        subject: `level ${level}`,
        value: total.total,
        limit: 0,
        message: `level "${level}" total is ${total.total}`,
      });
    }
  }
  return result("finite", failures);
}

function nonNegativeGate(summary: RunSummary): GateResult {
  const failures: GateFailure[] = [];
  for (const [name, check] of Object.entries(summary.arrays)) {
    if (check.signed || check.negative === 0) continue;
    const first = check.firstBad;
    const detail = first !== null && first.value < 0 ? `, the first ${num(first.value)} ${where(first)}` : "";
    failures.push({
      subject: `array ${name}`,
      value: check.negative,
      limit: 0,
      message: `array "${name}" holds ${num(check.negative)} negative value(s)${detail}`,
    });
  }
  for (const [level, total] of Object.entries(summary.levels)) {
    if (total.total < 0) {
      failures.push({
        subject: `level ${level}`,
        value: total.total,
        limit: 0,
        message: `level "${level}" total is negative (${num(total.total)})`,
      });
    }
  }
  return result("non_negative", failures);
}

function coherenceGate(summary: RunSummary, tolerance: number): GateResult {
  const failures: GateFailure[] = [];
  for (const [level, error] of Object.entries(summary.coherence)) {
    // Written so that NaN fails too.
    if (error.maxRelativeError <= tolerance) continue;
    const series = error.series === undefined ? "" : ` (series "${error.series}")`;
    failures.push({
      subject: `level ${level}`,
      value: error.maxRelativeError,
      limit: tolerance,
      message:
        `level "${level}": children miss the parent by ${error.maxRelativeError.toExponential(2)} relative` +
        `${series}, over the ${tolerance.toExponential(0)} tolerance`,
    });
  }
  return result("coherence", failures);
}

function levelShiftGate(summary: RunSummary, published: PublishedSummary | null, limit: number): GateResult {
  const failures: GateFailure[] = [];
  if (published === null) return result("level_shift", failures);
  for (const [level, now] of Object.entries(summary.levels)) {
    const before = published.summary.levels[level];
    // A level the published run lacks has nothing to move from.
    if (before === undefined) continue;
    // A non-finite total already fails the finite gate; a share of it says nothing more.
    if (!Number.isFinite(now.total) || !Number.isFinite(before.total)) continue;
    const change = now.total - before.total;
    const share =
      change === 0 ? 0 : before.total === 0 ? Number.POSITIVE_INFINITY : Math.abs(change / before.total);
    if (share <= limit) continue;
    const sign = change > 0 ? "+" : change < 0 ? "-" : "";
    failures.push({
      subject: `level ${level}`,
      value: share,
      limit,
      message:
        `level "${level}" total moved ${sign}${pct(share)} from ${published.id} ` +
        `(${num(before.total)} -> ${num(now.total)}), over the ${pct(limit)} limit`,
    });
  }
  return result("level_shift", failures);
}
