import { CELLS } from "./cells.js";
import { civilFromDays } from "./civil-date.js";
import { podcastShareAt } from "./content.js";
import { DEVICES } from "./devices.js";
import { holidaysOn } from "./holidays.js";
import type { MarketClock } from "./market-clock.js";
import { MARKETS } from "./markets.js";

/** Daily growth of traffic: about +0.1% a day, +44% a year. */
export const DAILY_GROWTH = 1.001;

/** Scales a profile to mean 1, so shares and profiles can be multiplied independently. */
function normalised(values: readonly number[]): Float64Array {
  let sum = 0;
  for (const v of values) sum += v;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] * values.length) / sum;
  return out;
}

/**
 * The expected (noise-free) opportunities of every cell for any UTC hour of the clock's range, in relative
 * units: market size x device share x device hour-of-day profile (local time) x device weekday profile x
 * content split by local hour x holiday effect (local date) x growth trend. The generator multiplies by a
 * unit that makes the history total match the requested scale.
 *
 * @example
 * const model = new TrafficModel(clock, historyStartDay);
 * const shape = new Float64Array(CELLS.length);
 * model.hourShape(17, shape); // cells of 17:00-18:00 UTC on the clock's first day
 */
export class TrafficModel {
  readonly clock: MarketClock;
  /** Day number of the first history day; the growth trend is 1 there. */
  readonly historyStartDay: number;
  private readonly hourly: Float64Array[];
  private readonly weekly: Float64Array[];
  /** Holiday multiplier by [market][local day - firstLocalDay][device]. */
  private readonly holiday: Float64Array;
  private readonly firstLocalDay: number;
  private readonly localDays: number;

  constructor(clock: MarketClock, historyStartDay: number) {
    this.clock = clock;
    this.historyStartDay = historyStartDay;
    this.hourly = DEVICES.map((d) => normalised(d.hourly));
    this.weekly = DEVICES.map((d) => normalised(d.weekly));
    // Local dates run from the day before the first UTC day to the day after the last.
    this.firstLocalDay = clock.startDay - 1;
    this.localDays = clock.hours / 24 + 2;
    this.holiday = new Float64Array(MARKETS.length * this.localDays * DEVICES.length).fill(1);
    for (let m = 0; m < MARKETS.length; m++) {
      for (let day = 0; day < this.localDays; day++) {
        const { year, month, day: dom } = civilFromDays(this.firstLocalDay + day);
        for (const holiday of holidaysOn(MARKETS[m].geo, year, month, dom)) {
          for (let d = 0; d < DEVICES.length; d++) {
            this.holiday[(m * this.localDays + day) * DEVICES.length + d] *=
              holiday.effect[DEVICES[d].name] ?? 1;
          }
        }
      }
    }
  }

  /**
   * Fills `out` (one slot per cell) with the expected relative opportunities of a UTC hour, counted from
   * the clock's first day at 00:00 UTC.
   */
  hourShape(hour: number, out: Float64Array): void {
    const clock = this.clock;
    const growth = DAILY_GROWTH ** (clock.startDay + Math.floor(hour / 24) - this.historyStartDay);
    for (let cell = 0; cell < CELLS.length; cell += 2) {
      const { market: m, device: d } = CELLS[cell];
      const i = clock.index(m, hour);
      const lh = clock.localHour[i];
      const hol =
        this.holiday[(m * this.localDays + clock.localDay[i] - this.firstLocalDay) * DEVICES.length + d];
      const base =
        growth *
        MARKETS[m].weight *
        DEVICES[d].share *
        this.hourly[d][lh] *
        this.weekly[d][clock.localWeekday[i]] *
        hol;
      const podcast = podcastShareAt(DEVICES[d].podcastShare, lh);
      // Cells come in (music, podcast) pairs: see cellIndex.
      out[cell] = base * (1 - podcast);
      out[cell + 1] = base * podcast;
    }
  }

  /** Fills `out` with the expected relative opportunities of a whole UTC day (index from the clock's first). */
  dayShape(day: number, out: Float64Array, scratch: Float64Array): void {
    out.fill(0);
    for (let h = 0; h < 24; h++) {
      this.hourShape(day * 24 + h, scratch);
      for (let cell = 0; cell < out.length; cell++) out[cell] += scratch[cell];
    }
  }
}
