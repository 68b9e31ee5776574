/** How an adjustment changes the forecast: by a percentage, or to an absolute daily volume. */
export const ADJUSTMENT_KINDS = ["percent", "daily_volume"] as const;
/** One of the adjustment kinds. */
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/**
 * A forecast adjustment in the manner of Google Ad Manager's: for the series that match a targeting, over
 * inclusive reporting days, either scale the forecast by `value` percent or set the segment's daily total to
 * `value`.
 */
export interface AdjustmentSpec {
  name: string;
  /** Dimension to accepted values; a series matches when it has one of the values for every dimension. Empty: all. */
  targeting: Record<string, string[]>;
  /** First and last day, inclusive, YYYY-MM-DD in the reporting time zone. */
  start: string;
  end: string;
  kind: AdjustmentKind;
  /** Percent (> -100) or daily volume (>= 0). */
  value: number;
}

/** A stored adjustment. */
export interface Adjustment extends AdjustmentSpec {
  id: number;
  createdAt: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a text is a real calendar date written YYYY-MM-DD.
 *
 * @example
 * isCalendarDate("2026-02-29"); // false
 */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  // Date.parse gives NaN for month 13 but rolls April 31 over to May 1, which the round trip catches.
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * Checks an adjustment's own rules, throwing with the field at fault: dates real and in order, a known kind, a
 * percent above -100 or a volume of at least 0, a name, targeting values.
 *
 * @example
 * checkAdjustmentSpec({ name: "x", targeting: {}, start: "2026-12-24", end: "2026-12-01",
 *   kind: "percent", value: 15 }); // throws "end: 2026-12-01 is before start 2026-12-24"
 */
export function checkAdjustmentSpec(spec: AdjustmentSpec): void {
  if (typeof spec.name !== "string" || spec.name.trim() === "") throw new Error("name: empty");
  if (!isCalendarDate(spec.start)) throw new Error(`start: "${spec.start}" is not a date (YYYY-MM-DD)`);
  if (!isCalendarDate(spec.end)) throw new Error(`end: "${spec.end}" is not a date (YYYY-MM-DD)`);
  if (spec.end < spec.start) throw new Error(`end: ${spec.end} is before start ${spec.start}`);
  if (!ADJUSTMENT_KINDS.includes(spec.kind))
    throw new Error(`kind: "${spec.kind}" is not percent or daily_volume`);
  if (!Number.isFinite(spec.value)) throw new Error(`value: ${spec.value} is not a finite number`);
  if (spec.kind === "percent" && spec.value <= -100) {
    throw new Error(
      `percent: ${spec.value} would take the forecast to zero or below (it must be above -100)`,
    );
  }
  if (spec.kind === "daily_volume" && spec.value < 0)
    throw new Error(`daily volume: ${spec.value} is negative`);
  for (const [dimension, values] of Object.entries(spec.targeting)) {
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      values.some((v) => typeof v !== "string" || v === "")
    ) {
      throw new Error(`targeting: ${dimension} needs at least one non-empty value`);
    }
  }
}
