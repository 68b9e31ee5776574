/**
 * The k-th smallest (0-based) of `values[0, length)`, by Hoare's FIND (quickselect) with a median-of-three
 * pivot: expected linear time, no allocation. Reorders `values[0, length)` in place. Values must not be NaN.
 *
 * @example
 * selectKth(Float64Array.of(5, 1, 4, 2, 3), 1); // 2
 */
export function selectKth(values: Float64Array, k: number, length = values.length): number {
  if (!Number.isInteger(k) || k < 0 || k >= length) throw new Error(`k: ${k} is outside [0, ${length})`);
  let left = 0;
  let right = length - 1;
  while (right > left) {
    // Median of three keeps sorted input linear; the three-way partition (Dijkstra's Dutch national flag)
    // keeps many equal values (e.g. zero errors) linear too.
    const middle = (left + right) >> 1;
    const a = values[left];
    const b = values[middle];
    const c = values[right];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let less = left;
    let i = left;
    let greater = right;
    while (i <= greater) {
      const v = values[i];
      if (v < pivot) swap(values, i++, less++);
      else if (v > pivot) swap(values, i, greater--);
      else i++;
    }
    // Now values[left, less) < pivot, values[less, greater] == pivot, values(greater, right] > pivot.
    if (k < less) right = less - 1;
    else if (k > greater) left = greater + 1;
    else return pivot;
  }
  return values[k];
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}
