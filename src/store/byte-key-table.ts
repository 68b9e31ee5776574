/**
 * A hash table from byte strings to byte strings, looked up by a slice of a larger buffer so a lookup allocates
 * nothing: how the NDJSON byte path finds a dimension value it has seen before. Open addressing, FNV-1a hash;
 * it holds up to `capacity` entries and refuses more.
 *
 * @example
 * const table = new ByteKeyTable(16);
 * table.set(Buffer.from("se"), 0, 2, Buffer.from("SE"));
 * table.get(Buffer.from('"se"'), 1, 3); // <Buffer 53 45>
 */
export class ByteKeyTable {
  private readonly keys: (Uint8Array | undefined)[];
  private readonly values: (Uint8Array | undefined)[];
  private readonly mask: number;
  private size = 0;

  constructor(private readonly capacity: number) {
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Array(slots).fill(undefined);
    this.values = new Array(slots).fill(undefined);
    this.mask = slots - 1;
  }

  /** The value stored for the key `bytes[start, end)`, or undefined. */
  get(bytes: Uint8Array, start: number, end: number): Uint8Array | undefined {
    const length = end - start;
    for (let slot = hash(bytes, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (key.length !== length) continue;
      let k = 0;
      while (k < length && key[k] === bytes[start + k]) k++;
      if (k === length) return this.values[slot];
    }
  }

  /** Stores a copy of the key `bytes[start, end)` with its value; false when the table is full. */
  set(bytes: Uint8Array, start: number, end: number, value: Uint8Array): boolean {
    if (this.size >= this.capacity) return false;
    let slot = hash(bytes, start, end) & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    // A copy: Buffer.slice would keep a view of (and the whole of) the caller's buffer.
    this.keys[slot] = new Uint8Array(bytes.subarray(start, end));
    this.values[slot] = value;
    this.size++;
    return true;
  }
}

function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}
