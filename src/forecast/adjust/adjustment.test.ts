import { describe, expect, it } from "vitest";
import { type AdjustmentSpec, checkAdjustmentSpec, isCalendarDate } from "./adjustment.js";

const spec: AdjustmentSpec = {
  name: "x",
  targeting: { geo: ["SE"] },
  start: "2026-12-01",
  end: "2026-12-24",
  kind: "percent",
  value: 15,
};

describe("adjustment rules", () => {
  it("isCalendarDate(text) takes real YYYY-MM-DD dates only", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
  });

  it("checkAdjustmentSpec(spec) passes a good adjustment and names the field of a bad one", () => {
    expect(() => checkAdjustmentSpec(spec)).not.toThrow();
    const cases: [Partial<AdjustmentSpec>, string][] = [
      [{ name: "" }, "name: empty"],
      [{ start: "x" }, 'start: "x" is not a date'],
      [{ end: "2026-11-30" }, "end: 2026-11-30 is before start 2026-12-01"],
      [{ kind: "gain" as AdjustmentSpec["kind"] }, 'kind: "gain"'],
      [{ value: Number.NaN }, "value: NaN is not a finite number"],
      [{ value: -100 }, "percent: -100 would take the forecast to zero or below"],
      [{ kind: "daily_volume", value: -1 }, "daily volume: -1 is negative"],
      [{ targeting: { geo: [] } }, "targeting: geo needs at least one non-empty value"],
    ];
    for (const [over, message] of cases)
      expect(() => checkAdjustmentSpec({ ...spec, ...over })).toThrow(message);
  });
});
