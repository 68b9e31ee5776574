import { parseCanonicalTimeBytes, parseEventTime } from "../events/parse-time.js";
import { MAX_COUNT } from "../events/validate.js";
import { ByteKeyTable } from "./byte-key-table.js";
import { type IdHashes, idHash } from "./id-hashes.js";
import { type ParquetFile, plainText } from "./parquet-file.js";
import type { StageSettings } from "./stage-file.js";
import { StagedColumn } from "./staged-events.js";

/** The fast path cannot decide this row: the general path must. */
export const FALLBACK = 0;
/** The row is a valid event, appended to the staging file. */
export const STAGED = 1;
/** The row is a valid event outside the backfill's days. */
export const OUTSIDE_RANGE = 2;

const MAX_ID_LENGTH = 128;
const MAX_DIMENSION_LENGTH = 256;
const MAX_CACHED_VALUES = 4096;

// Slots of the fixed fields in a scan; dimensions follow.
const EVENT_ID = 0;
const EVENT_TYPE = 1;
const EVENT_TIME = 2;
const INGESTION_TIME = 3;
const CAMPAIGN_ID = 4;
const COUNT = 5;
const COST_MICROS = 6;
const FIRST_DIMENSION = 7;
const FIXED_FIELDS = [
  "event_id",
  "event_type",
  "event_time",
  "ingestion_time",
  "campaign_id",
  "count",
  "cost_micros",
];

// What a slot holds after a scan.
const ABSENT = 0;
const TEXT = 1;
const INTEGER = 2;
const NULL = 3;
/** A time in one of the canonical forms, already read into `integer`. */
const TIME = 4;

/** The most keys a line is expected to repeat in the order of the line before it. */
const MAX_EXPECTED_KEYS = 32;

const QUOTE = 34;
const COMMA = 44;
const SPACE = 32;

const EVENT_TYPES = ["opportunity", "impression", "click"].map((t) => Buffer.from(t));
const OPPORTUNITY = 0;
// Values written on many rows, encoded once.
const EVENT_TYPE_VALUES = EVENT_TYPES.map((t) => plainText(t));
const EMPTY_VALUE = plainText("");

/**
 * The hot path of NDJSON staging: reads a log line that is a flat JSON object in one pass over its bytes,
 * without decoding it or building any object, and appends the valid event straight to the columns of the
 * Parquet staging file. It takes only what it is sure of and answers FALLBACK for anything else (escapes,
 * control characters, nested values, fractions, text that is not valid UTF-8 where it matters, any rule broken),
 * leaving the file as it was, so the general path (JSON.parse, then validateRecord) decides those rows with
 * their exact reason. A property test checks that every row it stages is the row the general path stages.
 */
export class NdjsonFastPath {
  /** Known keys by length, compared in place. */
  private readonly keysByLength: { name: Uint8Array; slot: number }[][] = [];
  /** Each slot's key. */
  private readonly keyOf: Uint8Array[] = [];
  /** The slots of the keys of the last line, in order (-1: not one avails reads): lines of a log repeat. */
  private readonly expectedSlots = new Int32Array(MAX_EXPECTED_KEYS).fill(-1);
  private readonly kind: Uint8Array;
  /** Per slot: whether its text has bytes beyond ASCII (decoded and checked before use). */
  private readonly wide: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly integer: Float64Array;
  /** Whether the last scanned line has any byte beyond ASCII. */
  private lineIsWide = false;
  /** The length of the last time `canonicalTime` read. */
  private canonicalLength = 0;
  private readonly required: boolean[];
  private readonly defaults: Uint8Array[];
  private readonly caseOf: ("upper" | "lower" | "keep")[];
  /** Per dimension, raw value bytes -> its case-normalised value, encoded for the staging file. */
  private readonly normalised: ByteKeyTable[];
  /** The encoded value of each dimension of the row being staged. */
  private readonly values: Uint8Array[];
  private readonly now: number;
  private readonly latestTime: number;
  private readonly source: Uint8Array;

  constructor(
    private readonly settings: StageSettings,
    sourcePath: string,
    private readonly hashes: IdHashes,
  ) {
    const dimensions = settings.config.dimensions;
    const names = [...FIXED_FIELDS, ...dimensions.map((d) => d.name)];
    for (let slot = 0; slot < names.length; slot++) {
      const name = Buffer.from(names[slot]);
      while (this.keysByLength.length <= name.length) this.keysByLength.push([]);
      this.keysByLength[name.length].push({ name, slot });
      this.keyOf.push(name);
    }
    const slots = FIRST_DIMENSION + dimensions.length;
    this.kind = new Uint8Array(slots);
    this.wide = new Uint8Array(slots);
    this.start = new Int32Array(slots);
    this.end = new Int32Array(slots);
    this.integer = new Float64Array(slots);
    this.required = dimensions.map((d) => d.required);
    this.defaults = dimensions.map((d) => plainText(d.default));
    this.caseOf = dimensions.map((d) => d.case);
    this.normalised = dimensions.map(() => new ByteKeyTable(MAX_CACHED_VALUES));
    this.values = [...this.defaults];
    this.now = settings.now;
    this.latestTime = settings.now + settings.config.futureToleranceMinutes * 60_000;
    this.source = plainText(sourcePath);
  }

  /**
   * Stages the line `bytes[start, end)` (no line terminator) as row `lineNumber`: STAGED (appended to `out`),
   * OUTSIDE_RANGE (backfill), or FALLBACK to the general path, with `out` left as it was.
   */
  stage(bytes: Buffer, start: number, end: number, lineNumber: number, out: ParquetFile): number {
    if (!this.scan(bytes, start, end)) return FALLBACK;
    const kind = this.kind;
    const from = this.start;
    const to = this.end;
    if (kind[EVENT_ID] !== TEXT || !this.isId(bytes, EVENT_ID)) return FALLBACK;
    if (kind[EVENT_TYPE] !== TEXT) return FALLBACK;
    const eventType = eventTypeOf(bytes, from[EVENT_TYPE], to[EVENT_TYPE]);
    if (eventType === -1) return FALLBACK;
    const eventTime = this.time(bytes, EVENT_TIME);
    if (Number.isNaN(eventTime) || eventTime > this.latestTime) return FALLBACK;
    let ingestion = this.now;
    if (kind[INGESTION_TIME] !== ABSENT && kind[INGESTION_TIME] !== NULL) {
      ingestion = this.time(bytes, INGESTION_TIME);
      if (Number.isNaN(ingestion)) return FALLBACK;
    }
    if (eventType !== OPPORTUNITY && (kind[CAMPAIGN_ID] !== TEXT || !this.isId(bytes, CAMPAIGN_ID))) {
      return FALLBACK;
    }
    let count = 1;
    if (kind[COUNT] === INTEGER) {
      count = this.integer[COUNT];
      if (count < 1 || count > MAX_COUNT) return FALLBACK;
    } else if (kind[COUNT] !== ABSENT && kind[COUNT] !== NULL) {
      return FALLBACK;
    }
    let cost = 0;
    if (kind[COST_MICROS] === INTEGER) {
      cost = this.integer[COST_MICROS];
      if (cost < 0) return FALLBACK;
    } else if (kind[COST_MICROS] !== ABSENT && kind[COST_MICROS] !== NULL) {
      return FALLBACK;
    }
    const dimensions = this.required.length;
    for (let d = 0; d < dimensions; d++) {
      const slot = FIRST_DIMENSION + d;
      if (kind[slot] === ABSENT || kind[slot] === NULL) {
        if (this.required[d]) return FALLBACK;
        this.values[d] = this.defaults[d];
        continue;
      }
      const value = kind[slot] === TEXT ? this.dimension(d, bytes, from[slot], to[slot]) : undefined;
      if (value === undefined) return FALLBACK;
      this.values[d] = value;
    }
    const tooOldBefore = this.settings.tooOldBefore;
    const mayBeLate = tooOldBefore !== null && eventTime < tooOldBefore;
    // Its raw text is kept byte for byte, which is the general path's text only if the line is valid UTF-8.
    if (mayBeLate && this.lineIsWide && !isUtf8(bytes, start, end)) return FALLBACK;
    // After every rule is checked: the general path rejects a bad row before it looks at the range.
    const range = this.settings.range;
    if (range !== undefined && (eventTime < range.start || eventTime >= range.end)) return OUTSIDE_RANGE;

    const columns = out.columns;
    columns[StagedColumn.eventId].utf8Bytes(bytes, from[EVENT_ID], to[EVENT_ID]);
    columns[StagedColumn.eventType].plain(EVENT_TYPE_VALUES[eventType]);
    columns[StagedColumn.eventTime].int64(eventTime);
    columns[StagedColumn.ingestionTime].int64(ingestion);
    if (eventType === OPPORTUNITY) columns[StagedColumn.campaignId].plain(EMPTY_VALUE);
    else columns[StagedColumn.campaignId].utf8Bytes(bytes, from[CAMPAIGN_ID], to[CAMPAIGN_ID]);
    for (let d = 0; d < dimensions; d++) {
      columns[StagedColumn.firstDimension + d].plain(this.values[d]);
    }
    const tail = StagedColumn.firstDimension + dimensions;
    columns[tail + StagedColumn.count].int64(count);
    columns[tail + StagedColumn.costMicros].int64(cost);
    // Only a row that may turn out too late carries its source and raw text, to keep staging small.
    columns[tail + StagedColumn.source].plain(mayBeLate ? this.source : EMPTY_VALUE);
    columns[tail + StagedColumn.line].int64(lineNumber);
    if (mayBeLate) columns[tail + StagedColumn.raw].utf8Bytes(bytes, start, end);
    else columns[tail + StagedColumn.raw].plain(EMPTY_VALUE);
    const hash = idHash(bytes, from[EVENT_ID], to[EVENT_ID]);
    this.hashes.add(hash);
    columns[tail + StagedColumn.idHash].int64(hash);
    out.endRow();
    return STAGED;
  }

  /** Whether the text of a slot is a valid id: 1 to 128 UTF-16 units of valid UTF-8. */
  private isId(bytes: Buffer, slot: number): boolean {
    const start = this.start[slot];
    const end = this.end[slot];
    if (this.wide[slot] === 0) return end > start && end - start <= MAX_ID_LENGTH;
    if (!isUtf8(bytes, start, end)) return false;
    const length = bytes.toString("utf8", start, end).length;
    return length > 0 && length <= MAX_ID_LENGTH;
  }

  private time(bytes: Buffer, slot: number): number {
    const kind = this.kind[slot];
    if (kind === TIME) return this.integer[slot];
    if (kind === INTEGER) return parseEventTime(this.integer[slot]);
    // Text beyond ASCII is never a time (the general path says why).
    if (kind !== TEXT || this.wide[slot] !== 0) return Number.NaN;
    const start = this.start[slot];
    const end = this.end[slot];
    const canonical = parseCanonicalTimeBytes(bytes, start, end);
    // Other forms (epoch digits in a string, other offsets) are rare: decode and read them as text.
    return Number.isNaN(canonical) ? parseEventTime(bytes.toString("latin1", start, end)) : canonical;
  }

  /** The normalised value of a dimension, encoded, or undefined when the general path must judge it. */
  private dimension(d: number, bytes: Buffer, start: number, end: number): Uint8Array | undefined {
    const table = this.normalised[d];
    const known = table.get(bytes, start, end);
    if (known !== undefined) return known;
    if (!isUtf8(bytes, start, end)) return undefined;
    // A value first seen: the rules of validateRecord on its text. Blank, padded (by any Unicode space trim()
    // removes) or oversized values have their own reasons.
    const value = bytes.toString("utf8", start, end);
    if (value.length === 0 || value.length > MAX_DIMENSION_LENGTH || value.trim() !== value) return undefined;
    const mode = this.caseOf[d];
    const normalised = plainText(
      mode === "upper" ? value.toUpperCase() : mode === "lower" ? value.toLowerCase() : value,
    );
    // Cached up to a bound, so a column of unique values cannot grow the table without end.
    table.set(bytes, start, end, normalised);
    return normalised;
  }

  /** The slot of the key bytes[start, end), or -1 for a key avails does not read. */
  private slotOfKey(bytes: Buffer, start: number, end: number): number {
    const candidates = this.keysByLength[end - start];
    if (candidates === undefined) return -1;
    for (let k = 0; k < candidates.length; k++) {
      const name = candidates[k].name;
      let i = 0;
      while (i < name.length && name[i] === bytes[start + i]) i++;
      if (i === name.length) return candidates[k].slot;
    }
    return -1;
  }

  /**
   * Reads a flat JSON object into the slots; false when the line is anything else. A string's text is
   * `bytes[start[slot], end[slot])`, as it has no escapes (they are refused).
   */
  private scan(bytes: Buffer, lineStart: number, lineEnd: number): boolean {
    const kind = this.kind;
    kind.fill(ABSENT);
    this.lineIsWide = false;
    let i = lineStart;
    while (i < lineEnd && bytes[i] === SPACE) i++;
    if (i >= lineEnd || bytes[i] !== 123) return false; // {
    i++;
    while (i < lineEnd && bytes[i] === SPACE) i++;
    if (i >= lineEnd || bytes[i] === 125) return false; // {} has no event: let validation say so
    for (let k = 0; ; k++) {
      if (bytes[i] !== QUOTE) return false;
      // The key the line before had here, compared in place; else the key read and looked up.
      let slot = k < MAX_EXPECTED_KEYS ? this.expectedSlots[k] : -1;
      let keyEnd = slot === -1 ? -1 : this.keyEndIf(bytes, i + 1, lineEnd, this.keyOf[slot]);
      if (keyEnd === -1) {
        keyEnd = this.stringEnd(bytes, i + 1, lineEnd);
        if (keyEnd === -1) return false;
        slot = this.slotOfKey(bytes, i + 1, keyEnd);
        if (k < MAX_EXPECTED_KEYS) this.expectedSlots[k] = slot;
      }
      i = keyEnd + 1;
      while (i < lineEnd && bytes[i] === SPACE) i++;
      if (i >= lineEnd || bytes[i] !== 58) return false; // :
      i++;
      while (i < lineEnd && bytes[i] === SPACE) i++;
      if (i >= lineEnd) return false;
      const c = bytes[i];
      const time =
        c === QUOTE && (slot === EVENT_TIME || slot === INGESTION_TIME)
          ? this.canonicalTime(bytes, i, lineEnd)
          : -1;
      if (time !== -1) {
        // A canonical time: its bytes are digits and separators, so the string needs no other check.
        kind[slot] = TIME;
        this.integer[slot] = time;
        i += this.canonicalLength + 2;
      } else if (c === QUOTE) {
        const wideBefore: boolean = this.lineIsWide;
        this.lineIsWide = false;
        const end = this.stringEnd(bytes, i + 1, lineEnd);
        if (end === -1) return false;
        if (slot >= 0) {
          kind[slot] = TEXT;
          this.wide[slot] = this.lineIsWide ? 1 : 0;
          this.start[slot] = i + 1;
          this.end[slot] = end;
        }
        this.lineIsWide = this.lineIsWide || wideBefore;
        i = end + 1;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        // Integers only: JSON's grammar (no leading zeros), at most 15 digits so the value is exact.
        let j = c === 45 ? i + 1 : i;
        const first = j;
        let value = 0;
        while (j < lineEnd && bytes[j] >= 48 && bytes[j] <= 57) {
          value = value * 10 + (bytes[j] - 48);
          j++;
        }
        const digits = j - first;
        if (digits === 0 || digits > 15 || (digits > 1 && bytes[first] === 48)) return false;
        const d = j < lineEnd ? bytes[j] : 0;
        if (d === 46 || d === 101 || d === 69) return false; // fractions and exponents: general path
        if (slot >= 0) {
          kind[slot] = INTEGER;
          this.integer[slot] = c === 45 ? -value : value;
        }
        i = j;
      } else if (
        c === 110 &&
        i + 4 <= lineEnd &&
        bytes[i + 1] === 117 &&
        bytes[i + 2] === 108 &&
        bytes[i + 3] === 108
      ) {
        if (slot >= 0) kind[slot] = NULL; // null
        i += 4;
      } else {
        return false; // booleans, objects, arrays and anything malformed
      }
      while (i < lineEnd && bytes[i] === SPACE) i++;
      if (i >= lineEnd) return false;
      const next = bytes[i];
      if (next === COMMA) {
        i++;
        while (i < lineEnd && bytes[i] === SPACE) i++;
        if (i >= lineEnd) return false;
      } else if (next === 125) {
        i++;
        while (i < lineEnd && bytes[i] === SPACE) i++;
        return i === lineEnd;
      } else {
        return false;
      }
    }
  }

  /** The end of the key `name` if the string at `start` (after its quote) is exactly it, else -1. */
  private keyEndIf(bytes: Buffer, start: number, lineEnd: number, name: Uint8Array): number {
    const end = start + name.length;
    if (end >= lineEnd || bytes[end] !== QUOTE) return -1;
    for (let k = 0; k < name.length; k++) if (bytes[start + k] !== name[k]) return -1;
    return end;
  }

  /**
   * The time of the string opening at `quote` when it is one of the two canonical forms (24 or 29 characters),
   * its length in `canonicalLength`; else -1 (a time is never negative).
   */
  private canonicalTime(bytes: Buffer, quote: number, lineEnd: number): number {
    let length = 0;
    if (quote + 25 < lineEnd && bytes[quote + 25] === QUOTE) length = 24;
    else if (quote + 30 < lineEnd && bytes[quote + 30] === QUOTE) length = 29;
    else return -1;
    const time = parseCanonicalTimeBytes(bytes, quote + 1, quote + 1 + length);
    this.canonicalLength = length;
    return Number.isNaN(time) ? -1 : time;
  }

  /**
   * Where the string starting at `i` (after its opening quote) ends: the index of its closing quote, or -1
   * when it holds an escape or a control character (JSON.parse decides those) or does not close. Bytes beyond
   * ASCII mark the line wide.
   */
  private stringEnd(bytes: Buffer, i: number, lineEnd: number): number {
    for (; i < lineEnd; i++) {
      const c = bytes[i];
      if (c === QUOTE) return i;
      if (c < 32 || c === 92) return -1;
      if (c > 127) this.lineIsWide = true;
    }
    return -1;
  }
}

function eventTypeOf(bytes: Uint8Array, start: number, end: number): number {
  for (let t = 0; t < EVENT_TYPES.length; t++) {
    const name = EVENT_TYPES[t];
    if (name.length !== end - start) continue;
    let k = 0;
    while (k < name.length && name[k] === bytes[start + k]) k++;
    if (k === name.length) return t;
  }
  return -1;
}

/** Whether bytes[start, end) decode to text that encodes back to the same bytes: valid UTF-8. */
function isUtf8(bytes: Buffer, start: number, end: number): boolean {
  const text = bytes.toString("utf8", start, end);
  return Buffer.byteLength(text) === end - start && Buffer.from(text).equals(bytes.subarray(start, end));
}
