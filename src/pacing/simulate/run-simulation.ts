import { Random } from "../../demo/random.js";
import type { LeafForecast } from "./forecast-leaves.js";
import type { LeafTraffic } from "./leaf-traffic.js";
import type { CampaignPacer, Pacer } from "./pacer.js";
import { serveCampaign } from "./serve-campaign.js";
import { type SimCampaign, servingOrder } from "./sim-campaign.js";

/** What the closed loop runs: traffic, campaigns, the pacers to compare and the forecasts they may use. */
export interface SimulationInput {
  traffic: LeafTraffic;
  /** Flights are stretch hours: 0 <= start < end <= stretch length. */
  campaigns: readonly SimCampaign[];
  pacers: readonly Pacer[];
  /**
   * Leaf forecasts made at stretch hours 0, reforecastHours, 2·reforecastHours, ... (`at` is the traffic
   * index stretchStart + that hour), each reaching to the stretch's end.
   */
  forecasts: readonly LeafForecast[];
  reforecastHours: number;
  /** Seeds the binomial draws; every pacer sees the same stream (common random numbers). */
  seed: number;
}

/** One campaign's hours under one pacer. */
export interface CampaignRun {
  campaign: SimCampaign;
  /** Impressions per flight hour. */
  delivered: Float64Array;
  /** Matching requests left for it when its turn came in each flight hour (after higher priorities). */
  matched: Float64Array;
  /** The throttle the pacer set for each flight hour. */
  throttle: Float64Array;
}

/** One pacer's run: its campaigns in the input's order. */
export interface PacerRun {
  name: string;
  campaigns: CampaignRun[];
}

interface State extends CampaignRun {
  pacer: CampaignPacer;
  view: {
    campaign: SimCampaign;
    hour: number;
    delivered: Float64Array;
    deliveredToDate: number;
    deliveredToday: number;
    winnable: Float64Array;
  };
}

/**
 * The closed loop, hour by hour over the held-out stretch, once per pacer: at each re-forecast hour every
 * campaign's expected winnable supply is rebuilt from the latest leaf forecast (in serving order, each
 * campaign's expected take, as its pacer plans it, is subtracted from the supply of the ones after it) and
 * the pacer replans; then each hour every live campaign, in serving order, gets the throttle its pacer sets
 * from what it knows before the hour, and Binomial(real matching requests left, throttle) impressions,
 * capped by its goal and daily cap (serveCampaign). A missing hour (NaN traffic) brings no requests.
 *
 * @example
 * const runs = runSimulation({ traffic, campaigns, pacers: [availsPacer, flatPacer, asapPacer],
 *   forecasts, reforecastHours: 24, seed: 42 });
 * runs[0].campaigns[0].delivered; // impressions per flight hour
 */
export function runSimulation(input: SimulationInput): PacerRun[] {
  const { traffic, campaigns, pacers, forecasts, reforecastHours, seed } = input;
  const stretch = traffic.hours - traffic.stretchStart;
  checkInput(input, stretch);
  const leafCount = traffic.keys.length;
  const order = servingOrder(campaigns);
  const runs: PacerRun[] = [];
  for (const pacer of pacers) {
    const rng = new Random(seed, 11);
    const states = new Map<SimCampaign, State>();
    for (const c of order) {
      const hours = c.end - c.start;
      const delivered = new Float64Array(hours);
      const winnable = new Float64Array(hours);
      states.set(c, {
        campaign: c,
        delivered,
        matched: new Float64Array(hours),
        throttle: new Float64Array(hours),
        pacer: pacer.start(c),
        view: { campaign: c, hour: 0, delivered, deliveredToDate: 0, deliveredToday: 0, winnable },
      });
    }
    const remaining = new Float64Array(leafCount);
    const taken = new Float64Array(leafCount);
    for (let s = 0; s < stretch; s++) {
      if (s % reforecastHours === 0) replan(order, states, forecasts[s / reforecastHours], s, traffic);
      const column = traffic.stretchStart + s;
      for (let leaf = 0; leaf < leafCount; leaf++) {
        const v = traffic.values[leaf * traffic.hours + column];
        remaining[leaf] = Number.isNaN(v) ? 0 : v;
      }
      for (const c of order) {
        if (s < c.start || s >= c.end) continue;
        const state = states.get(c) as State;
        const h = s - c.start;
        const view = state.view;
        view.hour = h;
        if (h > 0 && c.day[h] !== c.day[h - 1]) view.deliveredToday = 0;
        const throttle = state.pacer.throttle(view);
        if (!(throttle >= 0 && throttle <= 1)) {
          throw new Error(
            `pacer ${pacer.name}, campaign ${c.id}, flight hour ${h}: throttle ${throttle} is not in [0, 1]`,
          );
        }
        let matched = 0;
        for (let p = 0; p < c.leaves.length; p++) matched += remaining[c.leaves[p]];
        const allowed = Math.min(
          c.goal - view.deliveredToDate,
          c.dailyCap === null ? Number.POSITIVE_INFINITY : c.dailyCap - view.deliveredToday,
        );
        const delivered = serveCampaign(rng, remaining, c.leaves, throttle, allowed, taken);
        state.throttle[h] = throttle;
        state.matched[h] = matched;
        state.delivered[h] = delivered;
        view.deliveredToDate += delivered;
        view.deliveredToday += delivered;
        // From now on the pacer knows the hour as it happened.
        view.winnable[h] = matched;
      }
    }
    runs.push({
      name: pacer.name,
      campaigns: campaigns.map((c) => {
        const { campaign, delivered, matched, throttle } = states.get(c) as State;
        return { campaign, delivered, matched, throttle };
      }),
    });
  }
  return runs;
}

/**
 * Rebuilds every live or coming campaign's expected winnable supply from the forecast made at stretch hour
 * `s`, in serving order: what the campaigns before it are expected to take (their pacers' replans) is taken
 * out of each leaf-hour's forecast, as a fraction, before the next campaign's turn.
 */
function replan(
  order: readonly SimCampaign[],
  states: Map<SimCampaign, State>,
  forecast: LeafForecast,
  s: number,
  traffic: LeafTraffic,
): void {
  const { horizon, mean } = forecast;
  const free = new Float64Array(traffic.keys.length * horizon).fill(1);
  for (const c of order) {
    if (c.end <= s) continue;
    const state = states.get(c) as State;
    const view = state.view;
    const from = Math.max(0, s - c.start);
    const hours = c.end - c.start;
    for (let h = from; h < hours; h++) {
      const t = c.start + h - s;
      let w = 0;
      for (let p = 0; p < c.leaves.length; p++) {
        const i = c.leaves[p] * horizon + t;
        w += mean[i] * free[i];
      }
      view.winnable[h] = w;
    }
    view.hour = from;
    let today = 0;
    for (let h = from - 1; h >= 0 && c.day[h] === c.day[from]; h--) today += state.delivered[h];
    view.deliveredToday = today;
    const expected = state.pacer.replan(view);
    for (let h = from; h < hours; h++) {
      const w = view.winnable[h];
      const fraction = w > 0 ? Math.min(1, Math.max(0, expected[h] / w)) : 0;
      if (!(fraction > 0)) continue;
      const t = c.start + h - s;
      for (let p = 0; p < c.leaves.length; p++) free[c.leaves[p] * horizon + t] *= 1 - fraction;
    }
  }
}

function checkInput(input: SimulationInput, stretch: number): void {
  const { traffic, campaigns, forecasts, reforecastHours, seed } = input;
  if (!(Number.isInteger(reforecastHours) && reforecastHours >= 1)) {
    throw new Error(`reforecast hours: expected a whole number >= 1, got ${reforecastHours}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`seed: expected a whole number >= 0, got ${seed}`);
  if (input.pacers.length === 0) throw new Error("pacers: none given");
  const needed = Math.ceil(stretch / reforecastHours);
  if (forecasts.length < needed) {
    throw new Error(
      `forecasts: ${needed} needed (one every ${reforecastHours} h of the stretch), got ${forecasts.length}`,
    );
  }
  for (let k = 0; k < needed; k++) {
    const f = forecasts[k];
    const at = traffic.stretchStart + k * reforecastHours;
    if (f.at !== at || f.horizon < stretch - k * reforecastHours) {
      throw new Error(`forecasts[${k}]: expected one made at hour ${at} reaching the stretch's end`);
    }
    if (f.mean.length !== traffic.keys.length * f.horizon) {
      throw new Error(`forecasts[${k}]: expected ${traffic.keys.length} leaves x ${f.horizon} hours`);
    }
  }
  const ids = new Set<string>();
  for (const c of campaigns) {
    if (ids.has(c.id)) throw new Error(`campaign ${c.id}: the id appears twice`);
    ids.add(c.id);
    if (
      !(
        Number.isInteger(c.start) &&
        Number.isInteger(c.end) &&
        c.start >= 0 &&
        c.end > c.start &&
        c.end <= stretch
      )
    ) {
      throw new Error(
        `campaign ${c.id}: flight hours [${c.start}, ${c.end}) are not within the stretch [0, ${stretch})`,
      );
    }
    if (c.day.length !== c.end - c.start)
      throw new Error(`campaign ${c.id}: day has ${c.day.length} hours, the flight ${c.end - c.start}`);
    if (!(Number.isFinite(c.goal) && c.goal >= 0))
      throw new Error(`campaign ${c.id}: goal ${c.goal} is not a number >= 0`);
    if (c.dailyCap !== null && !(c.dailyCap > 0))
      throw new Error(`campaign ${c.id}: daily cap ${c.dailyCap} is not > 0`);
    for (const leaf of c.leaves) {
      if (!(leaf >= 0 && leaf < traffic.keys.length))
        throw new Error(`campaign ${c.id}: unknown leaf ${leaf}`);
    }
  }
}
