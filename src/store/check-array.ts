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
  // One loop per element type: a loop that sees several typed-array types runs about ten times slower (its
  // element loads go polymorphic). Unsigned integers can be neither negative nor non-finite.
  const scan =
    data instanceof Float64Array
      ? scanFloat64(data, signed)
      : data instanceof Float32Array
        ? scanFloat32(data, signed)
        : data instanceof Int32Array
          ? scanInt32(data, signed)
          : { nonFinite: 0, negative: 0, bad: -1 };
  let firstBad: ArrayCheck["firstBad"] = null;
  if (scan.bad >= 0) {
    const bad = scan.bad;
    firstBad = { index: bad, value: data[bad] };
    const rows = input.rows;
    if (rows !== undefined && rows.length > 0 && data.length % rows.length === 0) {
      const width = data.length / rows.length;
      const row = Math.floor(bad / width);
      firstBad.row = rows[row];
      firstBad.offset = bad - row * width;
    }
  }
  return {
    type: data.constructor.name,
    length: data.length,
    nonFinite: scan.nonFinite,
    negative: scan.negative,
    signed,
    firstBad,
  };
}

interface Scan {
  nonFinite: number;
  negative: number;
  /** Index of the first non-finite value, or negative one unless signed; -1 when none. */
  bad: number;
}

function scanFloat64(data: Float64Array, signed: boolean): Scan {
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
  return { nonFinite, negative, bad };
}

function scanFloat32(data: Float32Array, signed: boolean): Scan {
  let nonFinite = 0;
  let negative = 0;
  let bad = -1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) {
      nonFinite++;
      if (bad < 0) bad = i;
    } else if (v < 0) {
      negative++;
      if (bad < 0 && !signed) bad = i;
    }
  }
  return { nonFinite, negative, bad };
}

function scanInt32(data: Int32Array, signed: boolean): Scan {
  let negative = 0;
  let bad = -1;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < 0) {
      negative++;
      if (bad < 0 && !signed) bad = i;
    }
  }
  return { nonFinite: 0, negative, bad };
}
