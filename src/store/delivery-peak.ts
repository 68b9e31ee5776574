import type { DuckDBConnection } from "@duckdb/node-api";

/** What deliveryPeak() looks at: one campaign's impressions in [start, end) epoch ms, in windows of some minutes. */
export interface DeliveryPeakQuery {
  campaignId: string;
  start: number;
  end: number;
  /** Width of the sliding window in minutes (> 0, at most 60); default 5. */
  windowMinutes?: number;
}

/** The busiest window of a campaign's delivery. */
export interface DeliveryPeak {
  windowMinutes: number;
  /** Impressions in the busiest window [windowStart, windowStart + window); 0 when none were delivered. */
  peak: number;
  /** Start of the busiest window, epoch ms (the earliest when several tie); null without impressions. */
  windowStart: number | null;
  /**
   * Impressions an even spread would put in that window: the delivery of the clock hour(s) it overlaps, at a
   * constant rate within each hour.
   */
  expected: number;
  /** peak / expected: 1 is even, 60 / window (12 for 5 minutes) is a whole hour in one window; null without impressions. */
  ratio: number | null;
  /** Impressions of the campaign in [start, end). */
  total: number;
}

/** Default sliding window: 5 minutes. */
export const DEFAULT_PEAK_WINDOW_MINUTES = 5;

const MINUTE_US = 60_000_000;

/**
 * The peak delivery of a campaign in any sliding window, from event times: every window that starts at an
 * impression's time (the maximum over all windows is reached at one of them) counts the impressions in
 * [t, t + w) with a RANGE window frame over the campaign's impressions ordered by time; the busiest is
 * compared with an even spread of the clock hours it overlaps (hour h's impressions x its minutes in the
 * window / 60). Clock hours, not a window centred on the peak, so that the first window of a flight is not
 * taken for a burst. A pacer that dumps its hourly quota at the top of the hour shows a ratio near 60 / w; an
 * even one stays near 1 (Poisson noise lifts the busiest window above 1 when windows hold few impressions).
 *
 * @example
 * const peak = await deliveryPeak(connection, { campaignId: "c01", start, end });
 * peak.ratio; // 1.4
 */
export async function deliveryPeak(
  connection: DuckDBConnection,
  query: DeliveryPeakQuery,
): Promise<DeliveryPeak> {
  const windowMinutes = query.windowMinutes ?? DEFAULT_PEAK_WINDOW_MINUTES;
  if (!(windowMinutes > 0 && windowMinutes <= 60)) {
    throw new RangeError(`window: must be more than 0 and at most 60 minutes, got ${windowMinutes}`);
  }
  if (!(Number.isFinite(query.start) && Number.isFinite(query.end) && query.end > query.start)) {
    throw new RangeError(`start, end: [${query.start}, ${query.end}) is not a time range`);
  }
  // Whole microseconds (TIMESTAMP's resolution); the frame is inclusive, so the window ends 1 µs early.
  const window = Math.round(windowMinutes * MINUTE_US);
  const reader = await connection.runAndReadAll(
    `WITH delivered AS (
       SELECT event_time, sum(count)::DOUBLE AS n FROM events
       WHERE event_type = 'impression' AND campaign_id = $campaign
         AND event_time >= epoch_ms($start::BIGINT) AND event_time < epoch_ms($end::BIGINT)
       GROUP BY event_time),
     windows AS (
       SELECT event_time, sum(n) OVER (ORDER BY event_time RANGE BETWEEN CURRENT ROW
         AND to_microseconds($window::BIGINT - 1) FOLLOWING) AS peak
       FROM delivered),
     top AS (SELECT event_time, peak FROM windows ORDER BY peak DESC, event_time LIMIT 1)
     SELECT epoch_us(top.event_time)::DOUBLE, top.peak,
       (SELECT sum(n) FROM delivered WHERE date_trunc('hour', event_time) = date_trunc('hour', top.event_time)),
       (SELECT sum(n) FROM delivered
        WHERE date_trunc('hour', event_time) = date_trunc('hour', top.event_time) + INTERVAL 1 HOUR),
       (SELECT sum(n) FROM delivered)
     FROM top`,
    { campaign: query.campaignId, start: Math.floor(query.start), end: Math.floor(query.end), window },
  );
  const row = reader.getRows()[0];
  if (row === undefined) {
    return { windowMinutes, peak: 0, windowStart: null, expected: 0, ratio: null, total: 0 };
  }
  const startUs = Number(row[0]);
  const peak = Number(row[1]);
  const hourUs = 60 * MINUTE_US;
  const inFirstHour = Math.min(window, hourUs - (startUs % hourUs));
  const expected =
    (Number(row[2] ?? 0) * inFirstHour + Number(row[3] ?? 0) * (window - inFirstHour)) / hourUs;
  return {
    windowMinutes,
    peak,
    windowStart: Math.floor(startUs / 1000),
    expected,
    ratio: peak / expected,
    total: Number(row[4]),
  };
}
