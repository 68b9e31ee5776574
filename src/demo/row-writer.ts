import { badRow } from "./bad-rows.js";
import type { DemoCampaign } from "./campaigns.js";
import { CELLS } from "./cells.js";
import { DAY_MS, HOUR_MS } from "./civil-date.js";
import { type DemoCounts, QUARANTINE_REASONS } from "./manifest.js";
import type { MarketClock } from "./market-clock.js";
import type { Random } from "./random.js";
import { offsetSuffix, TimestampFormatter } from "./timestamp.js";

/** Event type code of an opportunity in the generator's hot loop (numbers, not strings, index tables). */
export const OPPORTUNITY = 0;
/** Event type code of an impression. */
export const IMPRESSION = 1;
/** Event type code of a click. */
export const CLICK = 2;
const TYPE_NAMES = ["opportunity", "impression", "click"] as const;

// Timestamp formats of a row (event_time and ingestion_time alike).
const ISO = 0;
const LOCAL = 1;
const EPOCH = 2;
const LOCAL_SHARE = 0.1;
const EPOCH_SHARE = 0.05;
const LOWER_GEO_SHARE = 0.03;

// Defect rates per real row; one draw decides, so an event gets at most one defect.
const LATE_WITHIN = 0.02;
const LATE_BEYOND = 0.001;
const DUPLICATE = 0.015;
const BAD_EACH = 0.0005;
const MAX_DUPLICATE_DELAY = 6 * HOUR_MS;
/** Output chunk size: a little above the generator's 1 MB flush threshold, so chunks rarely grow. */
const CHUNK_BYTES = (1 << 20) + (1 << 16);

const TYPE_JSON = TYPE_NAMES.map((t) => `","event_type":"${t}","event_time":`);
const TYPE_CSV = TYPE_NAMES.map((t) => `,${t},`);

/** Settings of a RowWriter. */
export interface RowWriterOptions {
  /** Line format; parquet output is written as CSV first. */
  csv: boolean;
  /** Parquet cannot hold a broken line: malformed rows are drawn but not written. */
  parquet: boolean;
  seed: number;
  rng: Random;
  clock: MarketClock;
  /** History start and exclusive end, epoch ms. */
  startMs: number;
  endMs: number;
  campaigns: readonly DemoCampaign[];
}

/**
 * Turns events into NDJSON or CSV lines and gives each real event its defects: a timestamp format (ISO UTC,
 * local offset or epoch ms), sometimes a lower-case geo, an arrival delay, at most one of late arrival or
 * duplicate, and now and then a bad row next to it. Lines are routed by arrival hour: those arriving in
 * the current hour are encoded straight into an output buffer (cheaper than building one long string and
 * encoding it), later ones wait as text in per-hour buffers until that hour begins.
 *
 * @example
 * const writer = new RowWriter(options);
 * writer.beginHour(0);
 * writer.emit(OPPORTUNITY, ms, cell, 1, -1);
 * sink.write(writer.take());
 */
export class RowWriter {
  /** Encoded lines due so far, bytes [0, used). */
  private chunk: Buffer;
  private used = 0;
  private readonly o: RowWriterOptions;
  private readonly pending: string[];
  private hour = 0;
  private nextId = 0;
  private nextBad = 0;
  private readonly idPrefix: string;
  private readonly badPrefix: string;
  private readonly eventClock = new TimestampFormatter();
  private readonly arrivalClock = new TimestampFormatter();
  private readonly badClock = new TimestampFormatter();
  /** Two formatters (event, arrival) per market for local-offset timestamps. */
  private readonly localClocks: TimestampFormatter[];
  private readonly cellMarket: Int32Array;
  private readonly cellText: string[];
  private readonly cellTextLower: string[];
  private readonly campaignText: string[];
  private readonly costText: string[];
  private readonly clickCost: string;
  private readonly nullCampaign: string;
  // Counters.
  private rows = 0;
  private readonly events = new Float64Array(3);
  private readonly eventRows = new Float64Array(3);
  private duplicates = 0;
  private duplicatesLater = 0;
  private lateWithin = 0;
  private lateBeyond = 0;
  private readonly lateBeyondEvents = new Float64Array(3);
  private readonly bad = new Float64Array(QUARANTINE_REASONS.length);

  constructor(options: RowWriterOptions) {
    this.o = options;
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pending = new Array<string>(Math.round((options.endMs - options.startMs) / HOUR_MS)).fill("");
    this.idPrefix = `s${options.seed}-`;
    this.badPrefix = `bad-s${options.seed}-`;
    const markets = CELLS[CELLS.length - 1].market + 1;
    this.localClocks = Array.from({ length: 2 * markets }, () => new TimestampFormatter());
    this.cellMarket = Int32Array.from(CELLS.map((c) => c.market));
    const cellText = (geo: string, device: string, content: string): string =>
      options.csv
        ? `,${geo},${device},${content}`
        : `,"geo":"${geo}","device":"${device}","content":"${content}"`;
    this.cellText = CELLS.map((c) => cellText(c.geo, c.deviceName, c.contentName));
    this.cellTextLower = CELLS.map((c) => cellText(c.geo.toLowerCase(), c.deviceName, c.contentName));
    this.campaignText = options.campaigns.map((c) => (options.csv ? `,${c.id}` : `,"campaign_id":"${c.id}"`));
    this.costText = options.campaigns.map((c) =>
      options.csv ? `,${c.cpm_micros / 1000}` : `,"cost_micros":${c.cpm_micros / 1000}`,
    );
    this.clickCost = options.csv ? ",0" : `,"cost_micros":0`;
    this.nullCampaign = options.csv ? "," : `,"campaign_id":null`;
  }

  /** Starts a history hour (0 = first hour): the lines that were waiting for it go out first. */
  beginHour(hour: number): void {
    this.hour = hour;
    if (this.pending[hour] !== "") {
      this.append(this.pending[hour]);
      this.pending[hour] = "";
    }
  }

  /** Bytes encoded and not yet taken. */
  get size(): number {
    return this.used;
  }

  /** Returns the lines encoded so far and starts a new chunk (the returned one is never reused). */
  take(): Buffer {
    const out = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, this.chunk.length));
    this.used = 0;
    return out;
  }

  /** Rows produced so far (written or waiting). */
  get rowCount(): number {
    return this.rows;
  }

  /**
   * Writes a real event: `type` OPPORTUNITY / IMPRESSION / CLICK, `ms` its event time, `count` units (>1 for a
   * pre-aggregated opportunity row), `campaign` an index into the campaigns or -1.
   */
  emit(type: number, ms: number, cell: number, count: number, campaign: number): void {
    const o = this.o;
    const rng = o.rng;
    const market = this.cellMarket[cell];
    const id = this.idPrefix + (this.nextId++).toString(36);
    const f = rng.next();
    const format = f < 1 - LOCAL_SHARE - EPOCH_SHARE ? ISO : f < 1 - EPOCH_SHARE ? LOCAL : EPOCH;
    const lower = rng.next() < LOWER_GEO_SHARE;
    // Most rows arrive within seconds, a few take up to two minutes.
    const d = rng.next();
    let arrival = ms + 1000 + Math.floor(119_000 * d * d);
    if (arrival >= o.endMs) arrival = o.endMs - 1;
    const normalArrival = arrival;
    const u = rng.next();
    let late = 0;
    let duplicate = false;
    if (u < LATE_WITHIN + LATE_BEYOND + DUPLICATE) {
      const v = rng.next();
      if (u < LATE_WITHIN) {
        const t = ms + HOUR_MS + Math.floor(v * 47 * HOUR_MS);
        // Late only if it still arrives inside the history, so every row lands in one of the files.
        if (t < o.endMs) {
          arrival = t;
          late = 1;
        }
      } else if (u < LATE_WITHIN + LATE_BEYOND) {
        const t = ms + 5 * DAY_MS + Math.floor(v * 5 * DAY_MS);
        if (t < o.endMs) {
          arrival = t;
          late = 2;
        }
      } else {
        duplicate = true;
      }
    }

    const eventTime = this.time(ms, format, market, 0);
    const geoText = lower ? this.cellTextLower[cell] : this.cellText[cell];
    const countText = count > 1 ? (o.csv ? `,${count}` : `,"count":${count}`) : o.csv ? "," : "";
    const costText =
      type === IMPRESSION
        ? this.costText[campaign]
        : type === CLICK && format !== ISO
          ? this.clickCost
          : o.csv
            ? ","
            : "";
    const campaignText =
      campaign >= 0 ? this.campaignText[campaign] : format === LOCAL || o.csv ? this.nullCampaign : "";
    const head = o.csv
      ? `${id}${TYPE_CSV[type]}${eventTime},`
      : `{"event_id":"${id}${TYPE_JSON[type]}${eventTime},"ingestion_time":`;
    const tail = `${campaignText}${geoText}${countText}${costText}${o.csv ? "\n" : "}\n"}`;
    const line = head + this.time(arrival, format, market, 1) + tail;
    this.route(line, arrival);
    this.rows++;
    this.events[type] += count;
    this.eventRows[type]++;
    if (late === 1) this.lateWithin++;
    else if (late === 2) {
      this.lateBeyond++;
      this.lateBeyondEvents[type] += count;
    } else if (duplicate) {
      // A retry: the same line again, half of the time re-sent later (possibly into a later file).
      this.duplicates++;
      this.rows++;
      const later =
        rng.next() < 0.5 ? arrival + 1000 + Math.floor(rng.next() * MAX_DUPLICATE_DELAY) : o.endMs;
      if (later < o.endMs) {
        this.duplicatesLater++;
        this.route(head + this.time(later, format, market, 1) + tail, later);
      } else {
        this.route(line, arrival);
      }
    }

    // Now and then a bad row rides along, arriving with the event's normal timing (never too late).
    const b = rng.next();
    if (b < BAD_EACH * QUARANTINE_REASONS.length) {
      this.badRow(Math.floor(b / BAD_EACH), type, ms, normalArrival, cell, campaign);
    }
  }

  /** The counts for the manifest. */
  counts(): DemoCounts {
    const byType = (a: Float64Array) => ({ opportunity: a[0], impression: a[1], click: a[2] });
    const quarantine = Object.fromEntries(
      QUARANTINE_REASONS.map((r, i) => [r, this.bad[i]]),
    ) as DemoCounts["quarantine"];
    return {
      rows_written: this.rows,
      events: byType(this.events),
      event_rows: byType(this.eventRows),
      duplicates: this.duplicates,
      duplicates_later_ingestion: this.duplicatesLater,
      late_within_allowed: this.lateWithin,
      late_beyond_allowed: this.lateBeyond,
      late_beyond_allowed_events: byType(this.lateBeyondEvents),
      quarantine,
    };
  }

  /** A timestamp in the row's format, quoted for JSON when it is a string. */
  private time(ms: number, format: number, market: number, which: number): string {
    if (format === EPOCH) return String(ms);
    let s: string;
    if (format === ISO) {
      s = `${(which === 0 ? this.eventClock : this.arrivalClock).wall(ms)}Z`;
    } else {
      const offset = this.o.clock.offsetAt(market, ms);
      s = this.localClocks[2 * market + which].wall(ms + offset * 60000) + offsetSuffix(offset);
    }
    return this.o.csv ? s : `"${s}"`;
  }

  /** Sends a line to the current hour or keeps it for the hour it arrives in. */
  private route(line: string, arrival: number): void {
    const hour = Math.floor((arrival - this.o.startMs) / HOUR_MS);
    if (hour <= this.hour) this.append(line);
    else this.pending[hour] += line;
  }

  /** Encodes text at the end of the chunk, growing it when needed (UTF-8 takes at most 3 bytes a char). */
  private append(text: string): void {
    if (this.used + 3 * text.length > this.chunk.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.chunk.length, this.used + 3 * text.length));
      this.chunk.copy(grown, 0, 0, this.used);
      this.chunk = grown;
    }
    this.used += this.chunk.write(text, this.used);
  }

  /** Writes a bad row of QUARANTINE_REASONS[kind] next to a real event, with a fresh `bad-` id. */
  private badRow(
    kind: number,
    type: number,
    ms: number,
    arrival: number,
    cell: number,
    campaign: number,
  ): void {
    const o = this.o;
    const n = this.nextBad++;
    // Drawn all the same, so Parquet output carries the same events and ids as NDJSON and CSV.
    if (o.parquet && QUARANTINE_REASONS[kind] === "malformed") return;
    const c = campaign >= 0 ? campaign : n % Math.max(1, o.campaigns.length);
    const line = badRow(
      QUARANTINE_REASONS[kind],
      {
        id: this.badPrefix + n.toString(36),
        eventType: TYPE_NAMES[type],
        eventTime: `${this.badClock.wall(ms)}Z`,
        ingestionTime: `${this.badClock.wall(arrival)}Z`,
        campaignId: o.campaigns[c]?.id ?? "c01",
        costMicros: (o.campaigns[c]?.cpm_micros ?? 1_000_000) / 1000,
        geo: CELLS[cell].geo,
        device: CELLS[cell].deviceName,
        content: CELLS[cell].contentName,
        variant: (n & 1) === 1,
      },
      o.csv,
    );
    this.bad[kind]++;
    this.rows++;
    this.route(line, arrival);
  }
}
