import type { SimCampaign } from "./sim-campaign.js";

/** What a pacer knows about one campaign when it decides: nothing from the hour it decides for on. */
export interface PacingView {
  readonly campaign: SimCampaign;
  /** The flight hour about to be served (0-based within the flight). */
  readonly hour: number;
  /** Impressions delivered in each flight hour before `hour` (later entries are 0). */
  readonly delivered: Float64Array;
  readonly deliveredToDate: number;
  /** Impressions delivered so far on the flight-local day of `hour`. */
  readonly deliveredToday: number;
  /**
   * Matched requests the campaign could win in each flight hour, after higher priorities: what it saw in
   * the hours before `hour`, the latest forecast (after higher priorities' expected take) from `hour` on.
   */
  readonly winnable: Float64Array;
}

/** One campaign's pacing state under one pacer. */
export interface CampaignPacer {
  /**
   * Called after each re-forecast, before the hour `view.hour` is served: returns the impressions the pacer
   * expects the campaign to take in each flight hour from `view.hour` on (entries before are ignored), which
   * the forecasts of lower-priority campaigns subtract.
   */
  replan(view: PacingView): Float64Array;
  /** The throttle (pass-through probability in [0, 1]) for the hour `view.hour`. */
  throttle(view: PacingView): number;
}

/** A pacing policy compared in the simulator. */
export interface Pacer {
  readonly name: string;
  /** Fresh state for one campaign at the start of a run. */
  start(campaign: SimCampaign): CampaignPacer;
}
