import type { Config } from "../config/schema.js";
import { readPublishedForecast } from "../run/published-forecast.js";
import { HOUR_MS } from "../series/civil-date.js";
import type { Store } from "../store/store.js";
import { availsContext } from "./avails.js";
import { type CampaignPacing, campaignPacing } from "./campaign-pacing.js";
import { flightGrid } from "./flight-grid.js";
import { pacingTerms } from "./pacing-terms.js";

/** `avails pace --json`: the moment, the forecast run, and each campaign's pacing. */
export interface PacingReport {
  /** The moment paced (ISO, on the hour): the throttles are for the hour starting here. */
  at: string;
  run_id: string;
  campaigns: CampaignPacing[];
}

/** What to pace: one campaign or every live one, at a moment. */
export interface PacingRequest {
  /** One campaign by id (whatever its flight), or every campaign live at `at` when absent. */
  campaignId?: string;
  /** Epoch ms; default the published run's first hour (the hour after the data it was made from). */
  at?: number;
  /** Sliding window of the burst check in minutes; default 5. */
  windowMinutes?: number;
}

/**
 * Paces one campaign or every live one (flight start <= at < flight end) from the store and the published
 * forecast run: status, projection, throttle for the next hour and burst check each (campaignPacing).
 * Errors name what is missing: no published run, an unknown campaign id.
 *
 * @example
 * const report = await pacingReport(store, config, { campaignId: "c01" });
 * report.campaigns[0].throttle; // 0.37
 */
export async function pacingReport(
  store: Store,
  config: Config,
  request: PacingRequest,
): Promise<PacingReport> {
  const forecast = await readPublishedForecast(store);
  if (forecast === null) throw new Error("no published forecast run: run `avails forecast` first");
  const at = Math.floor((request.at ?? forecast.manifest.start) / HOUR_MS) * HOUR_MS;
  if (!Number.isFinite(at)) throw new Error(`--at: ${request.at} is not a time`);
  const all = await store.listCampaigns();
  let chosen = all;
  if (request.campaignId !== undefined) {
    chosen = all.filter((c) => c.id === request.campaignId);
    if (chosen.length === 0) throw new Error(`campaign: no campaign has the id "${request.campaignId}"`);
  } else {
    chosen = all.filter((c) => {
      const terms = pacingTerms(c, config.timeZone);
      const flight = flightGrid(terms.start, terms.end, terms.timeZone);
      return flight.start <= at && at < flight.start + flight.hours * HOUR_MS;
    });
  }
  const context = availsContext(
    forecast.runId,
    forecast.paths,
    forecast.manifest.leafKeys,
    forecast.manifest.start,
    all,
    config,
  );
  const sources = { store, config, forecast, context, windowMinutes: request.windowMinutes };
  const campaigns: CampaignPacing[] = [];
  for (const campaign of chosen) campaigns.push(await campaignPacing(sources, campaign, at));
  return { at: new Date(at).toISOString(), run_id: forecast.runId, campaigns };
}
