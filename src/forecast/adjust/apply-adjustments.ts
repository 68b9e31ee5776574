import type { AdjustmentKind, AdjustmentSpec } from "./adjustment.js";

/** The leaf series and the hourly horizon adjustments are applied over. */
export interface AdjustmentGrid {
  /** Dimension values of each leaf series, e.g. `{ geo: "SE", device: "mobile" }`. */
  leaves: readonly Readonly<Record<string, string>>[];
  /** Hours of the horizon. */
  hours: number;
  /** Reporting days the horizon touches (local dates, in order), each hour's day, and each day's full length. */
  days: readonly string[];
  dayOfHour: Int32Array;
  dayHours: Int32Array;
}

/** What one adjustment did. */
export interface AdjustmentOutcome {
  id: number | null;
  name: string;
  kind: AdjustmentKind;
  value: number;
  /** Leaf series it matched. */
  series: number;
  /** Horizon days within its dates that it changed. */
  days: number;
  /** Sum of the matched series over those days, before and after. */
  before: number;
  after: number;
  /** Why it did less than asked (no series matched, dates outside the horizon, a day with no forecast). */
  notes: string[];
}

/** Adjusted means, the factor each leaf's day was scaled by, and what each adjustment did. */
export interface AdjustmentResult {
  /** Leaf-major means, [leaf * hours + hour], adjusted (a copy; the input is unchanged). */
  means: Float64Array;
  /** [leaf * days + day]: the product of every factor applied; 1 where nothing applied. */
  factors: Float64Array;
  report: AdjustmentOutcome[];
}

/**
 * Applies forecast adjustments to leaf forecasts, in the given order (the order they were added), in the
 * manner of Google Ad Manager's forecast adjustments:
 *
 * - `percent`: the matching leaves' values on the adjustment's days are multiplied by 1 + value / 100;
 * - `daily_volume`: on each of its days, the matching leaves are rescaled together so that their sum equals the
 *   volume, each keeping its share of the day and its hour shape (one factor per day for all of them). A day the
 *   horizon covers only in part gets the volume times the share of its hours covered. A day where the matching
 *   forecast is zero has no shares to keep and is left alone, with a note.
 *
 * Every change is a factor per leaf and day, so sample paths stay coherent with the means when scaled by the
 * same factors (`scalePathsByDay`). Leaves lacking a targeted dimension do not match.
 *
 * @example
 * const { means, factors, report } = applyAdjustments(
 *   [{ id: 1, name: "xmas", targeting: { geo: ["SE"] }, start: "2026-12-01", end: "2026-12-24",
 *      kind: "percent", value: 15 }],
 *   leafMeans, { leaves, hours: 840, ...reportingDays(horizonStart, 840, "Europe/Stockholm") });
 * report[0]; // { id: 1, series: 3, days: 24, before: 1.2e6, after: 1.38e6, notes: [], ... }
 */
export function applyAdjustments(
  adjustments: readonly (AdjustmentSpec & { id?: number })[],
  means: Float64Array,
  grid: AdjustmentGrid,
): AdjustmentResult {
  const { leaves, hours, days, dayOfHour, dayHours } = grid;
  const nLeaves = leaves.length;
  const nDays = days.length;
  if (means.length !== nLeaves * hours) {
    throw new Error(`applyAdjustments: ${means.length} means for ${nLeaves} leaves × ${hours} hours`);
  }
  if (dayOfHour.length !== hours || dayHours.length !== nDays) {
    throw new Error("applyAdjustments: dayOfHour needs one entry per hour and dayHours one per day");
  }
  // Hours of a day are contiguous: [firstHour[d], firstHour[d + 1]).
  const firstHour = new Int32Array(nDays + 1).fill(hours);
  for (let h = hours - 1; h >= 0; h--) {
    const d = dayOfHour[h];
    if (d < 0 || d >= nDays || (h > 0 && dayOfHour[h - 1] > d)) {
      throw new Error(`applyAdjustments: dayOfHour[${h}] = ${d} is not an increasing day index`);
    }
    firstHour[d] = h;
  }

  const out = Float64Array.from(means);
  const factors = new Float64Array(nLeaves * nDays).fill(1);
  const matched = new Int32Array(nLeaves);
  const report: AdjustmentOutcome[] = [];

  for (const adjustment of adjustments) {
    const outcome: AdjustmentOutcome = {
      id: adjustment.id ?? null,
      name: adjustment.name,
      kind: adjustment.kind,
      value: adjustment.value,
      series: 0,
      days: 0,
      before: 0,
      after: 0,
      notes: [],
    };
    report.push(outcome);
    let nMatched = 0;
    for (let l = 0; l < nLeaves; l++) if (matches(leaves[l], adjustment.targeting)) matched[nMatched++] = l;
    outcome.series = nMatched;
    if (nMatched === 0) {
      outcome.notes.push("no series matches the targeting");
      continue;
    }
    let inRange = 0;
    for (let d = 0; d < nDays; d++) {
      // ISO dates compare as text.
      if (days[d] < adjustment.start || days[d] > adjustment.end) continue;
      inRange++;
      const h0 = firstHour[d];
      const h1 = firstHour[d + 1];
      let sum = 0;
      for (let i = 0; i < nMatched; i++) {
        const row = matched[i] * hours;
        for (let h = h0; h < h1; h++) sum += out[row + h];
      }
      let factor: number;
      if (adjustment.kind === "percent") {
        factor = 1 + adjustment.value / 100;
      } else {
        const target = (adjustment.value * (h1 - h0)) / dayHours[d];
        if (!(sum > 0)) {
          outcome.notes.push(
            `${days[d]}: the matching forecast is zero, so the volume has no shares to follow`,
          );
          outcome.before += sum;
          outcome.after += sum;
          continue;
        }
        factor = target / sum;
      }
      outcome.days++;
      outcome.before += sum;
      outcome.after += sum * factor;
      for (let i = 0; i < nMatched; i++) {
        const l = matched[i];
        const row = l * hours;
        for (let h = h0; h < h1; h++) out[row + h] *= factor;
        factors[l * nDays + d] *= factor;
      }
    }
    if (inRange === 0)
      outcome.notes.push(`its days ${adjustment.start} to ${adjustment.end} are outside the horizon`);
  }
  return { means: out, factors, report };
}

function matches(
  leaf: Readonly<Record<string, string>>,
  targeting: Readonly<Record<string, string[]>>,
): boolean {
  for (const dimension in targeting) {
    const value = leaf[dimension];
    if (value === undefined || !targeting[dimension].includes(value)) return false;
  }
  return true;
}
