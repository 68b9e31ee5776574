import { parseCanonicalTimeBytes, parseEventTime } from "../events/parse-time.js";
import { ByteKeyTable } from "./byte-key-table.js";
import { FALLBACK, OUTSIDE_RANGE, STAGED } from "./ndjson-fast-path.js";
import type { StageSettings } from "./stage-file.js";
import { csvField, type StagingFile } from "./staging-file.js";

const MAX_ID_LENGTH = 128;
const MAX_DIMENSION_LENGTH = 256;
const MAX_CACHED_VALUES = 4096;

// Slots of the fixed fields; dimensions follow.
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

const QUOTE = 34;
const COMMA = 44;
const SPACE = 32;

const EVENT_TYPES = ["opportunity", "impression", "click"].map((t) => Buffer.from(t));
const OPPORTUNITY = 0;

const utf8 = (text: string) => Buffer.from(text, "utf8");

/**
 * The NDJSON fast path on bytes: reads a log line that is a flat JSON object of printable ASCII in one pass,
 * without decoding it or building any object, and writes the staging line of a valid event straight into the
 * staging file's buffer. Like `NdjsonFastPath`, of which it is the byte form, it takes only what it is sure of
 * and answers FALLBACK for anything else (escapes, non-ASCII text, nested values, fractions, any rule broken),
 * which the caller hands to the string paths. A property test checks that every line it stages is the one the
 * general path (JSON.parse, then validateRecord) would stage.
 */
export class NdjsonBytePath {
  /** Known keys by length, compared in place. */
  private readonly keysByLength: { name: Uint8Array; slot: number }[][] = [];
  private readonly kind: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly integer: Float64Array;
  private readonly required: boolean[];
  private readonly defaults: Uint8Array[];
  private readonly caseOf: ("upper" | "lower" | "keep")[];
  /** Per dimension, raw value bytes -> its case-normalised, CSV-ready bytes. */
  private readonly normalised: ByteKeyTable[];
  /** The CSV-ready bytes of each dimension of the row being staged. */
  private readonly values: Uint8Array[];
  private readonly now: number;
  private readonly latestTime: number;
  private readonly source: Uint8Array;
  /** Bytes a staged line may take besides three times its log line. */
  private readonly slack: number;

  constructor(
    private readonly settings: StageSettings,
    sourceField: string,
  ) {
    const dimensions = settings.config.dimensions;
    const names = [...FIXED_FIELDS, ...dimensions.map((d) => d.name)];
    for (let slot = 0; slot < names.length; slot++) {
      const name = utf8(names[slot]);
      while (this.keysByLength.length <= name.length) this.keysByLength.push([]);
      this.keysByLength[name.length].push({ name, slot });
    }
    const slots = FIRST_DIMENSION + dimensions.length;
    this.kind = new Uint8Array(slots);
    this.start = new Int32Array(slots);
    this.end = new Int32Array(slots);
    this.integer = new Float64Array(slots);
    this.required = dimensions.map((d) => d.required);
    this.defaults = dimensions.map((d) => utf8(csvField(d.default)));
    this.caseOf = dimensions.map((d) => d.case);
    this.normalised = dimensions.map(() => new ByteKeyTable(MAX_CACHED_VALUES));
    this.values = [...this.defaults];
    this.now = settings.now;
    this.latestTime = settings.now + settings.config.futureToleranceMinutes * 60_000;
    this.source = utf8(sourceField);
    this.slack =
      this.source.length +
      256 +
      this.defaults.reduce((sum, d) => sum + d.length + 1, 0) +
      3 * dimensions.length;
  }

  /**
   * Stages the line `bytes[start, end)` (no line terminator): STAGED (its staging line is appended to `out`),
   * OUTSIDE_RANGE (backfill), or FALLBACK to the string paths, with `out` left as it was.
   */
  stage(bytes: Buffer, start: number, end: number, lineNumber: number, out: StagingFile): number {
    if (!this.scan(bytes, start, end)) return FALLBACK;
    const kind = this.kind;
    const from = this.start;
    const to = this.end;
    const idLength = to[EVENT_ID] - from[EVENT_ID];
    if (kind[EVENT_ID] !== TEXT || idLength === 0 || idLength > MAX_ID_LENGTH) return FALLBACK;
    if (kind[EVENT_TYPE] !== TEXT) return FALLBACK;
    const eventType = this.eventType(bytes, from[EVENT_TYPE], to[EVENT_TYPE]);
    if (eventType === -1) return FALLBACK;
    const eventTime = this.time(bytes, EVENT_TIME);
    if (Number.isNaN(eventTime) || eventTime > this.latestTime) return FALLBACK;
    let ingestion = this.now;
    if (kind[INGESTION_TIME] !== ABSENT && kind[INGESTION_TIME] !== NULL) {
      ingestion = this.time(bytes, INGESTION_TIME);
      if (Number.isNaN(ingestion)) return FALLBACK;
    }
    if (eventType !== OPPORTUNITY) {
      const length = to[CAMPAIGN_ID] - from[CAMPAIGN_ID];
      if (kind[CAMPAIGN_ID] !== TEXT || length === 0 || length > MAX_ID_LENGTH) return FALLBACK;
    }
    let count = 1;
    if (kind[COUNT] === INTEGER) {
      count = this.integer[COUNT];
      if (count < 1) return FALLBACK;
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
    // After every rule is checked: the general path rejects a bad row before it looks at the range.
    const range = this.settings.range;
    if (range !== undefined && (eventTime < range.start || eventTime >= range.end)) return OUTSIDE_RANGE;

    out.reserve(3 * (end - start) + this.slack);
    const buffer = out.buffer;
    let p = writeText(buffer, out.length, bytes, from[EVENT_ID], to[EVENT_ID]);
    buffer[p++] = COMMA;
    p = writeBytes(buffer, p, EVENT_TYPES[eventType]);
    buffer[p++] = COMMA;
    p = writeInteger(buffer, p, eventTime);
    buffer[p++] = COMMA;
    p = writeInteger(buffer, p, ingestion);
    buffer[p++] = COMMA;
    if (eventType !== OPPORTUNITY) p = writeText(buffer, p, bytes, from[CAMPAIGN_ID], to[CAMPAIGN_ID]);
    for (let d = 0; d < dimensions; d++) {
      buffer[p++] = COMMA;
      p = writeBytes(buffer, p, this.values[d]);
    }
    buffer[p++] = COMMA;
    p = writeInteger(buffer, p, count);
    buffer[p++] = COMMA;
    p = writeInteger(buffer, p, cost);
    buffer[p++] = COMMA;
    // Only a row that may turn out too late carries its source and raw text, to keep staging small.
    const tooOldBefore = this.settings.tooOldBefore;
    const mayBeLate = tooOldBefore !== null && eventTime < tooOldBefore;
    if (mayBeLate) p = writeBytes(buffer, p, this.source);
    buffer[p++] = COMMA;
    p = writeInteger(buffer, p, lineNumber);
    buffer[p++] = COMMA;
    if (mayBeLate) p = writeQuoted(buffer, p, bytes, start, end);
    out.endLine(p);
    return STAGED;
  }

  private eventType(bytes: Uint8Array, start: number, end: number): number {
    for (let t = 0; t < EVENT_TYPES.length; t++) {
      const name = EVENT_TYPES[t];
      if (name.length !== end - start) continue;
      let k = 0;
      while (k < name.length && name[k] === bytes[start + k]) k++;
      if (k === name.length) return t;
    }
    return -1;
  }

  private time(bytes: Buffer, slot: number): number {
    const kind = this.kind[slot];
    if (kind === INTEGER) return parseEventTime(this.integer[slot]);
    if (kind !== TEXT) return Number.NaN;
    const start = this.start[slot];
    const end = this.end[slot];
    const canonical = parseCanonicalTimeBytes(bytes, start, end);
    // Other forms (epoch digits in a string, other offsets) are rare: decode and read them as text.
    return Number.isNaN(canonical) ? parseEventTime(bytes.toString("latin1", start, end)) : canonical;
  }

  /** The normalised, CSV-ready bytes of a dimension value, or undefined when the general path must judge it. */
  private dimension(d: number, bytes: Uint8Array, start: number, end: number): Uint8Array | undefined {
    const table = this.normalised[d];
    const known = table.get(bytes, start, end);
    if (known !== undefined) return known;
    const length = end - start;
    // Blank, padded or oversized values have their own rules (the scan let only printable ASCII through).
    if (length === 0 || length > MAX_DIMENSION_LENGTH || bytes[start] === SPACE || bytes[end - 1] === SPACE) {
      return undefined;
    }
    const mode = this.caseOf[d];
    let quoted = false;
    const value = new Uint8Array(length);
    for (let k = 0; k < length; k++) {
      let c = bytes[start + k];
      if (mode === "upper" && c >= 97 && c <= 122) c -= 32;
      else if (mode === "lower" && c >= 65 && c <= 90) c += 32;
      if (c === COMMA) quoted = true;
      value[k] = c;
    }
    const normalised = quoted ? Buffer.concat([utf8('"'), value, utf8('"')]) : value;
    // Cached up to a bound, so a column of unique values cannot grow the table without end.
    table.set(bytes, start, end, normalised);
    return normalised;
  }

  /** The slot of the key bytes[start, end), or -1 for a key avails does not read. */
  private slotOfKey(bytes: Uint8Array, start: number, end: number): number {
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
   * Reads a flat JSON object of printable ASCII into the slots; false when the line is anything else. The end
   * of every string found, so `bytes[start[slot], end[slot])` is its text (no escapes: they are refused).
   */
  private scan(bytes: Uint8Array, lineStart: number, lineEnd: number): boolean {
    const kind = this.kind;
    kind.fill(ABSENT);
    let i = lineStart;
    while (i < lineEnd && bytes[i] === SPACE) i++;
    if (i >= lineEnd || bytes[i] !== 123) return false; // {
    i++;
    while (i < lineEnd && bytes[i] === SPACE) i++;
    if (i >= lineEnd || bytes[i] === 125) return false; // {} has no event: let validation say so
    while (true) {
      if (bytes[i] !== QUOTE) return false;
      const keyEnd = stringEnd(bytes, i + 1, lineEnd);
      if (keyEnd === -1) return false;
      const slot = this.slotOfKey(bytes, i + 1, keyEnd);
      i = keyEnd + 1;
      while (i < lineEnd && bytes[i] === SPACE) i++;
      if (i >= lineEnd || bytes[i] !== 58) return false; // :
      i++;
      while (i < lineEnd && bytes[i] === SPACE) i++;
      if (i >= lineEnd) return false;
      const c = bytes[i];
      if (c === QUOTE) {
        const end = stringEnd(bytes, i + 1, lineEnd);
        if (end === -1) return false;
        if (slot >= 0) {
          kind[slot] = TEXT;
          this.start[slot] = i + 1;
          this.end[slot] = end;
        }
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
}

/**
 * Where the string starting at `i` (after its opening quote) ends: the index of its closing quote, or -1 when
 * it holds an escape, a control character or a non-ASCII byte (JSON.parse decides those), or does not close.
 */
function stringEnd(bytes: Uint8Array, i: number, lineEnd: number): number {
  for (; i < lineEnd; i++) {
    const c = bytes[i];
    if (c === QUOTE) return i;
    if (c < 32 || c === 92 || c > 126) return -1;
  }
  return -1;
}

function writeBytes(buffer: Uint8Array, p: number, bytes: Uint8Array): number {
  for (let k = 0; k < bytes.length; k++) buffer[p + k] = bytes[k];
  return p + bytes.length;
}

/** Writes printable ASCII text as a CSV field: quoted when it holds a comma (it holds no quote). */
function writeText(buffer: Uint8Array, p: number, bytes: Uint8Array, start: number, end: number): number {
  let comma = false;
  for (let k = start; k < end; k++) {
    const c = bytes[k];
    if (c === COMMA) comma = true;
    buffer[p++] = c;
  }
  if (!comma) return p;
  // Rare: shift the text right by one to open the quotes.
  for (let k = p - 1; k >= p - (end - start); k--) buffer[k + 1] = buffer[k];
  buffer[p - (end - start)] = QUOTE;
  buffer[p + 1] = QUOTE;
  return p + 2;
}

/** Writes text as a quoted CSV field, doubling its quotes. */
function writeQuoted(buffer: Uint8Array, p: number, bytes: Uint8Array, start: number, end: number): number {
  buffer[p++] = QUOTE;
  for (let k = start; k < end; k++) {
    const c = bytes[k];
    if (c === QUOTE) buffer[p++] = QUOTE;
    buffer[p++] = c;
  }
  buffer[p++] = QUOTE;
  return p;
}

/** Writes a non-negative integer below 10^16 in decimal: two halves of 8 digits, each in int32 arithmetic. */
function writeInteger(buffer: Uint8Array, p: number, value: number): number {
  if (value < 1e8) return writeSmall(buffer, p, value | 0);
  const high = Math.floor(value / 1e8);
  p = writeSmall(buffer, p, high);
  let low = (value - high * 1e8) | 0;
  for (let k = p + 7; k >= p; k--) {
    const quotient = (low / 10) | 0;
    buffer[k] = 48 + low - quotient * 10;
    low = quotient;
  }
  return p + 8;
}

function writeSmall(buffer: Uint8Array, p: number, value: number): number {
  let digits = 1;
  for (let power = 10; power <= value; power *= 10) digits++;
  let rest = value;
  for (let k = p + digits - 1; k >= p; k--) {
    const quotient = (rest / 10) | 0;
    buffer[k] = 48 + rest - quotient * 10;
    rest = quotient;
  }
  return p + digits;
}
