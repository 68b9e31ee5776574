/** Slots an event id hashes to: 2^26, two bits each, in 16 MiB of memory shared by the staging threads. */
const SLOT_BITS = 26;
const SLOTS_PER_WORD = 16;

/**
 * Which event ids a run has seen more than once, told by slot: every staging thread hashes each id it stages
 * to one of 2^26 slots and marks it, atomically, in memory all threads share (seen once, seen again). An id
 * that comes once in a run, the common case, lands in a slot marked once, so the run's copy-picking window
 * can leave it out; ids that share a slot by chance only make that window a little larger. The staged event
 * carries its slot, so the store can tell the two kinds apart with an integer join.
 *
 * @example
 * const sightings = new IdSightings();
 * const slot = sightings.see(Buffer.from("e1"), 0, 2);
 * sightings.see(Buffer.from("e1"), 0, 2);
 * sightings.repeatedSlots(); // [slot]
 */
export class IdSightings {
  readonly buffer: SharedArrayBuffer;
  private readonly words: Int32Array;

  /** Fresh sightings, or a view of sightings another thread created (its `buffer`). */
  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(((1 << SLOT_BITS) / SLOTS_PER_WORD) * 4);
    this.words = new Int32Array(this.buffer);
  }

  /** Marks a sighting of the id whose UTF-8 bytes are `bytes[start, end)`; returns its slot. */
  see(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    // FNV-1a, then a finaliser so every bit of the id reaches the top bits the slot is taken from.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const slot = h >>> (32 - SLOT_BITS);
    const word = slot >>> 4;
    const shift = (slot & 15) * 2;
    if ((Atomics.or(this.words, word, 1 << shift) >>> shift) & 1) Atomics.or(this.words, word, 2 << shift);
    return slot;
  }

  /** Marks a sighting of the id `text`; returns its slot. */
  seeText(text: string): number {
    const bytes = Buffer.from(text, "utf8");
    return this.see(bytes, 0, bytes.length);
  }

  /** The slots seen more than once, in increasing order. */
  repeatedSlots(): number[] {
    const slots: number[] = [];
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      // The "seen again" bits are the odd ones. Read once the staging threads are done, so plainly.
      const again = words[w] & 0xaaaaaaaa;
      if (again === 0) continue;
      for (let k = 0; k < SLOTS_PER_WORD; k++)
        if ((again >>> (2 * k + 1)) & 1) slots.push(w * SLOTS_PER_WORD + k);
    }
    return slots;
  }
}
