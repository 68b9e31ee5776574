import type { ArrayCheck, RunArrayInput } from "./run-payload.js";

/**
 * Counts the non-finite and negative values of a payload array and finds the first bad one (non-finite, or
 * negative unless the array is signed), naming its row when the array has row labels. One pass, no allocation.
 *
 * @example
 * checkArray({ data: new Float64Array([1, NaN, -2]), rows: ["a", "b", "c"] });
 * // { nonFinite: 1, negative: 1, firstBad: { index: 1, row: "b", offset: 0, value: NaN }, ... }
 */
export function checkArray(input: RunArrayInput): ArrayCheck {
  const { data } = input;
  const signed = input.signed ?? false;
  let nonFinite = 0;
  let negative = 0;
  let bad = -1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    // v - v is NaN exactly when v is NaN or infinite: one test for both.
    if (v - v !== 0) {
      nonFinite++;
      if (bad < 0) bad = i;
    } else if (v < 0) {
      negative++;
      if (bad < 0 && !signed) bad = i;
    }
  }
  let firstBad: ArrayCheck["firstBad"] = null;
  if (bad >= 0) {
    firstBad = { index: bad, value: data[bad] };
    const rows = input.rows;
    if (rows !== undefined && rows.length > 0 && data.length % rows.length === 0) {
      const width = data.length / rows.length;
      const row = Math.floor(bad / width);
      firstBad.row = rows[row];
      firstBad.offset = bad - row * width;
    }
  }
  return { type: data.constructor.name, length: data.length, nonFinite, negative, signed, firstBad };
}
