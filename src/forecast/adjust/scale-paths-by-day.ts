/**
 * Scales sample paths in place by per-leaf, per-day factors (from `applyAdjustments`), so that paths stay
 * consistent with the adjusted means. Layout: `paths[(leaf * pathCount + path) * hours + hour]`.
 *
 * @example
 * const { factors } = applyAdjustments(adjustments, means, grid);
 * scalePathsByDay(paths, factors, 500, grid.hours, grid.dayOfHour, grid.days.length);
 */
export function scalePathsByDay(
  paths: Float32Array | Float64Array,
  factors: Float64Array,
  pathCount: number,
  hours: number,
  dayOfHour: Int32Array,
  days: number,
): void {
  const leaves = factors.length / days;
  if (!Number.isInteger(leaves) || paths.length !== leaves * pathCount * hours) {
    throw new Error(
      `scalePathsByDay: ${paths.length} values are not ${leaves} leaves × ${pathCount} paths × ${hours} hours`,
    );
  }
  for (let l = 0; l < leaves; l++) {
    const f0 = l * days;
    // Leaves nothing applied to are skipped whole.
    let touched = false;
    for (let d = 0; d < days; d++) if (factors[f0 + d] !== 1) touched = true;
    if (!touched) continue;
    for (let p = 0; p < pathCount; p++) {
      const row = (l * pathCount + p) * hours;
      for (let h = 0; h < hours; h++) paths[row + h] *= factors[f0 + dayOfHour[h]];
    }
  }
}
