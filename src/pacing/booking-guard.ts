import type { Config } from "../config/schema.js";
import type { SamplePaths } from "../forecast/reconcile/sample-paths.js";
import { HOUR_MS, parseIsoDate } from "../series/civil-date.js";
import { formatWholeNumber } from "../series/format-whole-number.js";
import { localDate, zonedDayStart } from "../series/zoned-time.js";
import type { Campaign, Priority } from "../store/campaign.js";
import { answerAvails, availsContext, quantileKey } from "./avails.js";

/** The confidence the guard books at by default: 80, the goal must fit P20 of available. */
export const DEFAULT_CONFIDENCE = 80;

/** The published forecast run the guard checks against (see readPublishedForecast). */
export interface GuardForecast {
  runId: string;
  paths: SamplePaths;
  leafKeys: readonly string[];
  /** The first forecast hour, epoch ms. */
  start: number;
}

/** One checked flight day (in the campaign's time zone). Impressions, rounded to whole ones. */
export interface GuardDay {
  day: string;
  /** Mean forecast supply of the targeting. */
  matched: number;
  /** Mean available to the booking: matched minus what guaranteed campaigns take. */
  available_mean: number;
  /** The day's share of the flight's available at the confidence quantile (days add up to the flight's). */
  available: number;
  /** The goal spread over the days in proportion to matched traffic, within the daily cap. */
  want: number;
  /** want − available, when positive (capped days count their cap as available at most). */
  shortfall: number;
}

/**
 * What the guard found: `fits`, `short` (refuse unless forced), `not_guarded` (not guaranteed, or a flight
 * that ended before the forecast: nothing to check), `cannot_check` (no published run, a flight beyond the
 * horizon, a targeting the forecast does not have: refuse unless forced).
 */
export type GuardVerdict = "fits" | "short" | "not_guarded" | "cannot_check";

/** The guard's answer for one campaign, logged as the decision's figures. */
export interface BookingCheck {
  campaign_id: string;
  verdict: GuardVerdict;
  /** One line: why. */
  reason: string;
  run_id: string | null;
  /** Percent: 80 books against the 20th percentile of available. */
  confidence: number;
  /** The quantile booked against, `p20`. */
  quantile: string;
  time_zone: string;
  /** The flight days checked (those inside the forecast), or null when none were. */
  checked: { start: string; end: string } | null;
  goal: number;
  /** The goal's share of the checked days (by hours, as the allocation prorates): the goal when all are. */
  goal_checked: number;
  /** Impressions available to the booking over the checked days at the confidence, within the daily cap. */
  bookable: number;
  /** The same on the mean forecast. */
  bookable_mean: number;
  /** goal_checked − bookable, when positive. */
  shortfall: number;
  days: GuardDay[];
  /** Guaranteed campaigns taking impressions from the targeting in the checked days, most first. */
  contending: { campaign_id: string; priority: Priority; impressions: number }[];
}

/**
 * Checks whether a guaranteed campaign fits the inventory left by the other booked campaigns (a stored
 * campaign with the candidate's id is left out, so an update is not counted against itself), at a
 * confidence: with 80 (the default), the goal must fit the 20th percentile of what is available over the
 * flight, not its mean, so a forecast running hot does not overbook.
 *
 * Available to a guaranteed booking is matched minus what guaranteed campaigns take (standard and house
 * campaigns yield to it): the avails query's `possible` for a booking just below guaranteed, with its
 * quantiles along the run's sample paths. The flight's days are read in the campaign's time zone; days
 * outside the forecast are not checked and the goal is prorated to the checked ones by hours. The flight's
 * bookable total is its P20 (the paths' sum over the flight, so days running hot and cold net out), within
 * the daily cap per day: each day's share of it is the day's mean available scaled by the flight's
 * P20-to-mean ratio. It fits when the goal is at most the bookable total. Per day, `want` spreads the goal
 * in proportion to matched traffic (as even pacing does) within the cap, and `shortfall` is what a day
 * wants beyond its share: when the campaign does not fit, the days it runs short on.
 *
 * @example
 * const check = checkBooking(candidate, await store.listCampaigns(), forecast, config);
 * check.verdict; // "fits"
 */
export function checkBooking(
  candidate: Campaign,
  booked: readonly Campaign[],
  forecast: GuardForecast | null,
  config: Config,
  confidence = DEFAULT_CONFIDENCE,
): BookingCheck {
  if (!(Number.isInteger(confidence) && confidence >= 1 && confidence <= 99)) {
    throw new Error(`confidence: expected a whole percentage 1-99, got ${confidence}`);
  }
  const probability = (100 - confidence) / 100;
  const key = quantileKey(probability);
  const label = key.toUpperCase();
  const zone = candidate.time_zone;
  const base: BookingCheck = {
    campaign_id: candidate.id,
    verdict: "not_guarded",
    reason: "",
    run_id: forecast?.runId ?? null,
    confidence,
    quantile: key,
    time_zone: zone,
    checked: null,
    goal: candidate.goal_impressions,
    goal_checked: 0,
    bookable: 0,
    bookable_mean: 0,
    shortfall: 0,
    days: [],
    contending: [],
  };
  if (candidate.priority !== "guaranteed") {
    return { ...base, reason: `${candidate.priority} campaigns are not guarded (only guaranteed ones are)` };
  }
  if (forecast === null) {
    return {
      ...base,
      verdict: "cannot_check",
      reason: "no published forecast run to check against: run `avails forecast` first",
    };
  }

  const dayStart = (day: number) => zonedDayStart(isoDay(day), zone);
  const gridEnd = forecast.start + forecast.paths.horizon * HOUR_MS;
  let first = parseIsoDate(localDate(forecast.start, zone));
  if (dayStart(first) < forecast.start) first++;
  let last = parseIsoDate(localDate(gridEnd - 1, zone));
  if (dayStart(last + 1) > gridEnd) last--;
  const flightStart = parseIsoDate(candidate.start);
  const flightEnd = parseIsoDate(candidate.end);
  const from = Math.max(flightStart, first);
  const to = Math.min(flightEnd, last);
  const horizon = `the forecast's whole days ${isoDay(first)}..${isoDay(last)} (${zone}, run ${forecast.runId})`;
  if (from > to) {
    return flightEnd < first
      ? { ...base, reason: `the flight ends before ${horizon}: nothing left to book` }
      : {
          ...base,
          verdict: "cannot_check",
          reason: `the flight ${candidate.start}..${candidate.end} lies outside ${horizon}: run \`avails forecast\` with a longer --horizon`,
        };
  }
  const checkedHours = dayStart(to + 1) - dayStart(from);
  const flightHours = dayStart(flightEnd + 1) - dayStart(flightStart);
  const goal = (candidate.goal_impressions * checkedHours) / flightHours;
  const checked = { start: isoDay(from), end: isoDay(to) };

  let report: ReturnType<typeof answerAvails>;
  try {
    const others = booked.filter((c) => c.id !== candidate.id);
    const context = availsContext(
      forecast.runId,
      forecast.paths,
      forecast.leafKeys,
      forecast.start,
      others,
      config,
      { timeZone: zone },
    );
    // `possible` for a standard booking: matched minus what the guaranteed class takes.
    report = answerAvails(context, {
      start: checked.start,
      end: checked.end,
      granularity: "day",
      targeting: candidate.targeting,
      priority: "standard",
      quantiles: [probability],
    });
  } catch (error) {
    return {
      ...base,
      verdict: "cannot_check",
      checked,
      reason: `cannot check against run ${forecast.runId}: ${(error as Error).message}`,
    };
  }

  const k = report.intervals.length;
  const cap = candidate.daily_cap ?? Number.POSITIVE_INFINITY;
  const totalMean = report.total.possible.mean;
  const ratio = totalMean > 0 ? report.total.possible[key] / totalMean : 0;
  const matched = new Float64Array(k);
  const share = new Float64Array(k);
  let bookable = 0;
  let bookableMean = 0;
  for (let d = 0; d < k; d++) {
    const interval = report.intervals[d];
    matched[d] = interval.matched.mean;
    share[d] = interval.possible.mean * ratio;
    bookable += Math.min(cap, share[d]);
    bookableMean += Math.min(cap, interval.possible.mean);
  }
  const want = spreadWithinCap(goal, matched, cap);
  const days: GuardDay[] = report.intervals.map((interval, d) => ({
    day: interval.start,
    matched: Math.round(matched[d]),
    available_mean: Math.round(interval.possible.mean),
    available: Math.round(share[d]),
    want: Math.round(want[d]),
    shortfall: Math.max(0, Math.ceil(want[d] - Math.min(cap, share[d]) - 1e-6)),
  }));
  // A millionth of the goal is rounding in the running sums, not a shortfall.
  const short = goal - bookable > goal * 1e-9 ? goal - bookable : 0;
  const partial = from > flightStart || to < flightEnd;
  const over = `${checked.start}..${checked.end} (${zone})${partial ? ", the flight's days inside the forecast, goal prorated" : ""}`;
  const figures = `${formatWholeNumber(bookable)} available at ${label} (confidence ${confidence}%) over ${over}, run ${forecast.runId}`;
  return {
    ...base,
    verdict: short > 0 ? "short" : "fits",
    reason:
      short > 0
        ? `short by ${formatWholeNumber(Math.ceil(short))} of a goal of ${formatWholeNumber(goal)}: ${figures}`
        : `fits: goal ${formatWholeNumber(goal)} within ${figures}`,
    checked,
    goal_checked: Math.round(goal),
    bookable: Math.round(bookable),
    bookable_mean: Math.round(bookableMean),
    shortfall: short > 0 ? Math.ceil(short) : 0,
    days,
    contending: report.contending
      .filter((c) => c.priority === "guaranteed")
      .map((c) => ({
        campaign_id: c.campaign_id,
        priority: c.priority,
        impressions: Math.round(c.impressions),
      })),
  };
}

/**
 * Spreads a total over days in proportion to weights, no day above the cap: days that would pass it get the
 * cap and the rest is spread again over the others (water-filling). Days without weight get nothing unless
 * no day has any, then the spread is flat.
 */
function spreadWithinCap(total: number, weights: Float64Array, cap: number): Float64Array {
  const n = weights.length;
  const out = new Float64Array(n);
  const full = new Uint8Array(n);
  let left = total;
  let flat = true;
  for (let d = 0; d < n; d++) if (weights[d] > 0) flat = false;
  for (let round = 0; round < n && left > 0; round++) {
    let sum = 0;
    for (let d = 0; d < n; d++) if (full[d] === 0) sum += flat ? 1 : weights[d];
    if (!(sum > 0)) break;
    let capped = false;
    for (let d = 0; d < n; d++) {
      if (full[d] === 0 && (left * (flat ? 1 : weights[d])) / sum > cap) {
        full[d] = 1;
        out[d] = cap;
        capped = true;
      }
    }
    if (capped) {
      left = total;
      for (let d = 0; d < n; d++) if (full[d] === 1) left -= cap;
      continue;
    }
    for (let d = 0; d < n; d++) if (full[d] === 0) out[d] = (left * (flat ? 1 : weights[d])) / sum;
    break;
  }
  return out;
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
