import { parseEventTime } from "../events/parse-time.js";
import type { StageSettings } from "./stage-file.js";
import { csvField } from "./staging-file.js";

/** The fast path cannot decide this row: the general path must. */
export const FALLBACK = 0;
/** The row is a valid event; its staging line is in `line`. */
export const STAGED = 1;
/** The row is a valid event outside the backfill's days. */
export const OUTSIDE_RANGE = 2;

/** Lines with escapes or control characters take the general path (JSON.parse decides what they mean). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const NEEDS_GENERAL_PATH = /[\x00-\x1f\\]/;

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

// What a slot holds after a scan.
const ABSENT = 0;
const TEXT = 1;
const INTEGER = 2;
const NULL = 3;

const EVENT_TYPES = new Set(["opportunity", "impression", "click"]);

/**
 * The hot path of NDJSON staging: reads a log line holding a flat JSON object in one pass, without building an
 * object, and writes the staging line of a valid event directly. It handles only what it is sure of (the
 * common, valid shape) and answers FALLBACK for anything else (escapes, nested values, fractions, any rule
 * broken), so the general path (JSON.parse, then validateRecord) decides those rows with their exact reason.
 * A property test checks that every line it stages is the one the general path would stage.
 */
export class NdjsonFastPath {
  /** The staging line of the last STAGED row. */
  line = "";
  /** Known keys by length, so a key is matched in place (startsWith) rather than sliced and hashed. */
  private readonly keysByLength: { name: string; slot: number }[][] = [];
  private readonly kind: Uint8Array;
  private readonly text: string[];
  private readonly integer: Float64Array;
  private readonly required: boolean[];
  private readonly defaults: string[];
  private readonly caseOf: ("upper" | "lower" | "keep")[];
  /** Per dimension, raw value -> its case-normalised, CSV-ready form. */
  private readonly normalised: Map<string, string>[];
  private readonly nowText: string;
  private readonly latestTime: number;

  constructor(
    private readonly settings: StageSettings,
    private readonly sourceField: string,
  ) {
    const fixed = [
      "event_id",
      "event_type",
      "event_time",
      "ingestion_time",
      "campaign_id",
      "count",
      "cost_micros",
    ];
    const dimensions = settings.config.dimensions;
    const names = [...fixed, ...dimensions.map((d) => d.name)];
    for (let slot = 0; slot < names.length; slot++) {
      const length = names[slot].length;
      while (this.keysByLength.length <= length) this.keysByLength.push([]);
      this.keysByLength[length].push({ name: names[slot], slot });
    }
    const slots = FIRST_DIMENSION + dimensions.length;
    this.kind = new Uint8Array(slots);
    this.text = new Array(slots).fill("");
    this.integer = new Float64Array(slots);
    this.required = dimensions.map((d) => d.required);
    this.defaults = dimensions.map((d) => csvField(d.default));
    this.caseOf = dimensions.map((d) => d.case);
    this.normalised = dimensions.map(() => new Map());
    this.nowText = String(settings.now);
    this.latestTime = settings.now + settings.config.futureToleranceMinutes * 60_000;
  }

  /** Stages one line: STAGED (see `line`), OUTSIDE_RANGE (backfill), or FALLBACK to the general path. */
  stage(raw: string, lineNumber: number): number {
    if (!this.scan(raw)) return FALLBACK;
    const kind = this.kind;
    const text = this.text;
    if (kind[EVENT_ID] !== TEXT || text[EVENT_ID].length === 0 || text[EVENT_ID].length > MAX_ID_LENGTH) {
      return FALLBACK;
    }
    if (kind[EVENT_TYPE] !== TEXT || !EVENT_TYPES.has(text[EVENT_TYPE])) return FALLBACK;
    const eventType = text[EVENT_TYPE];
    const eventTime = this.time(EVENT_TIME);
    if (Number.isNaN(eventTime) || eventTime > this.latestTime) return FALLBACK;
    let ingestion = this.nowText;
    if (kind[INGESTION_TIME] !== ABSENT && kind[INGESTION_TIME] !== NULL) {
      const time = this.time(INGESTION_TIME);
      if (Number.isNaN(time)) return FALLBACK;
      ingestion = String(time);
    }
    let campaign = "";
    if (eventType !== "opportunity") {
      const id = text[CAMPAIGN_ID];
      if (kind[CAMPAIGN_ID] !== TEXT || id.length === 0 || id.length > MAX_ID_LENGTH) return FALLBACK;
      campaign = csvField(id);
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
    let line = `${csvField(text[EVENT_ID])},${eventType},${eventTime},${ingestion},${campaign}`;
    for (let d = 0; d < this.required.length; d++) {
      const slot = FIRST_DIMENSION + d;
      if (kind[slot] === ABSENT || kind[slot] === NULL) {
        if (this.required[d]) return FALLBACK;
        line += `,${this.defaults[d]}`;
        continue;
      }
      if (kind[slot] !== TEXT) return FALLBACK;
      const value = this.dimension(d, text[slot]);
      if (value === undefined) return FALLBACK;
      line += `,${value}`;
    }
    // After every rule is checked: the general path rejects a bad row before it looks at the range.
    const range = this.settings.range;
    if (range !== undefined && (eventTime < range.start || eventTime >= range.end)) return OUTSIDE_RANGE;
    line += `,${count},${cost}`;
    const tooOldBefore = this.settings.tooOldBefore;
    line +=
      tooOldBefore !== null && eventTime < tooOldBefore
        ? `,${this.sourceField},${lineNumber},${csvField(raw)}`
        : `,,${lineNumber},`;
    this.line = line;
    return STAGED;
  }

  private time(slot: number): number {
    const kind = this.kind[slot];
    if (kind === TEXT) return parseEventTime(this.text[slot]);
    if (kind === INTEGER) return parseEventTime(this.integer[slot]);
    return Number.NaN;
  }

  /** The normalised, CSV-ready dimension value, or undefined when the general path must judge it. */
  private dimension(d: number, value: string): string | undefined {
    const cache = this.normalised[d];
    const known = cache.get(value);
    if (known !== undefined) return known;
    // Blank, padded (by any Unicode space trim() removes) or oversized values have their own rules.
    if (value.length === 0 || value.length > MAX_DIMENSION_LENGTH || value.trim() !== value) return undefined;
    const mode = this.caseOf[d];
    const normalised = csvField(
      mode === "upper" ? value.toUpperCase() : mode === "lower" ? value.toLowerCase() : value,
    );
    if (cache.size < MAX_CACHED_VALUES) cache.set(value, normalised);
    return normalised;
  }

  /** The slot of the key s[start, end), or -1 for a key avails does not read. */
  private slotOfKey(s: string, start: number, end: number): number {
    const candidates = this.keysByLength[end - start];
    if (candidates === undefined) return -1;
    for (let k = 0; k < candidates.length; k++) {
      if (s.startsWith(candidates[k].name, start)) return candidates[k].slot;
    }
    return -1;
  }

  /** Reads a flat JSON object into the slots; false when the line is anything else. */
  private scan(s: string): boolean {
    const kind = this.kind;
    kind.fill(ABSENT);
    const n = s.length;
    // Escapes and control characters: JSON.parse decides what they mean.
    if (NEEDS_GENERAL_PATH.test(s)) return false;
    let i = 0;
    while (s.charCodeAt(i) === 32) i++;
    if (s.charCodeAt(i) !== 123) return false; // {
    i++;
    while (s.charCodeAt(i) === 32) i++;
    if (s.charCodeAt(i) === 125) return false; // {} has no event: let validation say so
    while (true) {
      if (s.charCodeAt(i) !== 34) return false;
      const keyEnd = s.indexOf('"', i + 1);
      if (keyEnd === -1) return false;
      const slot = this.slotOfKey(s, i + 1, keyEnd);
      i = keyEnd + 1;
      while (s.charCodeAt(i) === 32) i++;
      if (s.charCodeAt(i) !== 58) return false; // :
      i++;
      while (s.charCodeAt(i) === 32) i++;
      const c = s.charCodeAt(i);
      if (c === 34) {
        const end = s.indexOf('"', i + 1);
        if (end === -1) return false;
        if (slot >= 0) {
          kind[slot] = TEXT;
          this.text[slot] = s.slice(i + 1, end);
        }
        i = end + 1;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        // Integers only: JSON's grammar (no leading zeros), at most 15 digits so the value is exact.
        let j = c === 45 ? i + 1 : i;
        const first = j;
        let value = 0;
        let d = s.charCodeAt(j);
        while (d >= 48 && d <= 57) {
          value = value * 10 + (d - 48);
          d = s.charCodeAt(++j);
        }
        const digits = j - first;
        if (digits === 0 || digits > 15 || (digits > 1 && s.charCodeAt(first) === 48)) return false;
        if (d === 46 || d === 101 || d === 69) return false; // fractions and exponents: general path
        if (slot >= 0) {
          kind[slot] = INTEGER;
          this.integer[slot] = c === 45 ? -value : value;
        }
        i = j;
      } else if (c === 110 && s.startsWith("null", i)) {
        if (slot >= 0) kind[slot] = NULL;
        i += 4;
      } else {
        return false; // booleans, objects, arrays and anything malformed
      }
      while (s.charCodeAt(i) === 32) i++;
      const next = s.charCodeAt(i);
      if (next === 44) {
        i++;
        while (s.charCodeAt(i) === 32) i++;
      } else if (next === 125) {
        i++;
        while (s.charCodeAt(i) === 32) i++;
        return i === n;
      } else {
        return false;
      }
    }
  }
}
