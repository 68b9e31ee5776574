import { describe, expect, it } from "vitest";
import { checkArray } from "./check-array.js";
import { evaluateGates } from "./run-gates.js";
import type { RunSummary } from "./run-payload.js";

const LIMITS = { maxLevelShift: 0.5, coherenceTolerance: 1e-9 };

function summary(
  totals: Record<string, number>,
  means = new Float64Array([1, 2, 3, 4]),
  coherence: RunSummary["coherence"] = { total: { maxRelativeError: 0 } },
): RunSummary {
  return {
    levels: Object.fromEntries(Object.entries(totals).map(([k, total]) => [k, { total, series: 1 }])),
    coherence,
    arrays: { means: checkArray({ data: means, rows: ["geo=SE", "geo=NO"] }) },
  };
}

const failed = (report: ReturnType<typeof evaluateGates>) =>
  report.results.filter((r) => !r.passed).map((r) => r.gate);

describe("evaluateGates", () => {
  it("evaluateGates(summary, null) passes a clean first run and says it compared against nothing", () => {
    const report = evaluateGates(summary({ total: 100, geo: 100 }), null, LIMITS, "2026-01-01T00:00:00.000Z");
    expect(report).toEqual({
      passed: true,
      against: null,
      checkedAt: "2026-01-01T00:00:00.000Z",
      results: [
        { gate: "finite", passed: true, failures: [] },
        { gate: "non_negative", passed: true, failures: [] },
        { gate: "coherence", passed: true, failures: [] },
        { gate: "level_shift", passed: true, failures: [] },
      ],
    });
  });

  it("evaluateGates blocks a run with a NaN, naming the array, the row and the offset", () => {
    const report = evaluateGates(
      summary({ total: 10 }, new Float64Array([1, 2, 3, Number.NaN])),
      null,
      LIMITS,
    );
    expect(report.passed).toBe(false);
    expect(failed(report)).toEqual(["finite"]);
    expect(report.results[0].failures[0].message).toBe(
      'array "means" holds 1 non-finite value(s) of 4, the first NaN in row "geo=NO" at offset 1',
    );
  });

  it("evaluateGates blocks a non-finite or negative level total, naming the level", () => {
    const report = evaluateGates(summary({ total: Number.POSITIVE_INFINITY, geo: -3 }), null, LIMITS);
    expect(failed(report)).toEqual(["finite", "non_negative"]);
    expect(report.results[0].failures[0].message).toBe('level "total" total is Infinity');
    expect(report.results[1].failures[0].message).toBe('level "geo" total is negative (-3)');
  });

  it("evaluateGates blocks negative values of an unsigned array but not of a signed one", () => {
    const negative = new Float64Array([1, -0.5, 3, 4]);
    const report = evaluateGates(summary({ total: 1 }, negative), null, LIMITS);
    expect(report.results[1].failures[0].message).toBe(
      'array "means" holds 1 negative value(s), the first -0.5 in row "geo=SE" at offset 1',
    );
    const signed: RunSummary = {
      ...summary({ total: 1 }),
      arrays: { r: checkArray({ data: negative, signed: true }) },
    };
    expect(evaluateGates(signed, null, LIMITS).passed).toBe(true);
  });

  it("evaluateGates blocks a coherence error over the tolerance or NaN, naming the level and series", () => {
    const report = evaluateGates(
      summary({ total: 1 }, undefined, {
        geo: { maxRelativeError: 2e-6, series: "geo=SE" },
        device: { maxRelativeError: Number.NaN },
        total: { maxRelativeError: 1e-9 },
      }),
      null,
      LIMITS,
    );
    expect(failed(report)).toEqual(["coherence"]);
    expect(report.results[2].failures.map((f) => f.message)).toEqual([
      'level "geo": children miss the parent by 2.00e-6 relative (series "geo=SE"), over the 1e-9 tolerance',
      'level "device": children miss the parent by NaN relative, over the 1e-9 tolerance',
    ]);
  });

  it("evaluateGates blocks a level total that moved more than the allowed share from the published run", () => {
    const published = { id: "r000003", summary: summary({ total: 1000, geo: 1_200_000, device: 0, new: 5 }) };
    const next = summary({ total: 1499, geo: 1_945_000, device: 1, brand_new: 7 });
    const report = evaluateGates(next, published, LIMITS);
    expect(report.against).toBe("r000003");
    expect(failed(report)).toEqual(["level_shift"]);
    expect(report.results[3].failures.map((f) => [f.subject, f.value])).toEqual([
      ["level geo", 0.6208333333333333],
      ["level device", Number.POSITIVE_INFINITY],
    ]);
    expect(report.results[3].failures[0].message).toBe(
      'level "geo" total moved +62.1% from r000003 (1,200,000 -> 1,945,000), over the 50.0% limit',
    );
    // A non-finite total is the finite gate's failure only.
    const nan = evaluateGates(summary({ total: Number.NaN, geo: 1_200_000 }), published, LIMITS);
    expect(failed(nan)).toEqual(["finite"]);
    // A fall counts as much as a rise.
    const fall = evaluateGates(summary({ total: 400 }), published, LIMITS);
    expect(fall.results[3].failures[0].message).toContain('level "total" total moved -60.0%');
  });
});
