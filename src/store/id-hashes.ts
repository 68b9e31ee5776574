/**
 * A 32-bit hash of the event id whose UTF-8 bytes are `bytes[start, end)`: FNV-1a, then a finaliser so every
 * byte of the id reaches every bit.
 *
 * @example
 * idHash(Buffer.from("e1"), 0, 2) === idHash(Buffer.from('"e1"'), 1, 3); // true
 */
export function idHash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The id hashes one staging thread saw, in the order it saw them, appended in place (no object per id). Sorted
 * at the end, so the run's repeated hashes come out of a merge of every thread's list: how the store tells the
 * ids that come once in a run (most of them), which need no copy picking, from the others.
 */
export class IdHashes {
  private values = new Uint32Array(1 << 16);
  private length = 0;

  /** Appends a hash. */
  add(hash: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = hash;
  }

  /** The hashes, sorted (a view of this list's memory, which it no longer uses). */
  sorted(): Uint32Array {
    return this.values.subarray(0, this.length).sort();
  }
}

/**
 * The hashes present more than once across the sorted lists, each once and in increasing order: a k-way merge.
 *
 * @example
 * repeatedHashes([Uint32Array.of(1, 4, 4), Uint32Array.of(2, 4, 7), Uint32Array.of(1)]); // [1, 4]
 */
export function repeatedHashes(lists: readonly Uint32Array[]): number[] {
  const repeated: number[] = [];
  const at = new Array<number>(lists.length).fill(0);
  let previous = -1;
  let count = 0;
  while (true) {
    let next = -1;
    let from = -1;
    for (let l = 0; l < lists.length; l++) {
      if (at[l] < lists[l].length && (from === -1 || lists[l][at[l]] < next)) {
        next = lists[l][at[l]];
        from = l;
      }
    }
    if (from === -1) break;
    at[from]++;
    if (next === previous) {
      if (++count === 2) repeated.push(next);
    } else {
      previous = next;
      count = 1;
    }
  }
  return repeated;
}
