import type { Config } from "../config/schema.js";
import { readPublishedForecast } from "../run/published-forecast.js";
import type { BookingAction, BookingDecisionInput, BookingOutcome } from "../store/booking-decision.js";
import type { Campaign } from "../store/campaign.js";
import type { Store } from "../store/store.js";
import { bookingEnlargement } from "./booking-enlargement.js";
import { type BookingCheck, checkBooking, DEFAULT_CONFIDENCE, type GuardForecast } from "./booking-guard.js";

/** A booking request: campaigns already validated against the config. */
export interface BookingRequest {
  action: BookingAction;
  /** One campaign for add and update (the whole new record), many for import. */
  campaigns: readonly Campaign[];
  /** Store campaigns that do not fit (or cannot be checked) anyway, logged as `forced`. */
  force?: boolean;
  /** Percent; 80 (the default) books against P20 of available. */
  confidence?: number;
}

/** One campaign's decision, with the guard's figures when it ran. */
export interface BookingOutcomeOf {
  campaign: Campaign;
  decision: BookingOutcome;
  check: BookingCheck;
}

/** What a booking did: stored (every campaign) or refused (none), and each campaign's decision. */
export interface BookingResult {
  stored: boolean;
  outcomes: BookingOutcomeOf[];
}

/**
 * Books campaigns through the booking guard: each guaranteed campaign that is new (add, import) or asks for
 * more than before (update: larger goal, wider flight or targeting, higher priority) is checked by
 * `checkBooking` against the last published forecast run and the other booked campaigns (an import's
 * earlier campaigns count as booked for its later ones). If any does not fit or cannot be checked (no
 * published run, a flight beyond the horizon) nothing is stored, unless `force`. Every decision is logged in
 * the store: with the campaigns it let in, in one transaction, or alone when refused (an import refused as a
 * whole logs its refused campaigns only). Standard and house campaigns, and updates that ask no more, are
 * stored unchecked (logged as such).
 *
 * @example
 * const result = await bookCampaigns(store, config, { action: "add", campaigns: [campaign] });
 * result.stored; // false when it did not fit
 */
export async function bookCampaigns(
  store: Store,
  config: Config,
  request: BookingRequest,
): Promise<BookingResult> {
  const { action, campaigns } = request;
  const confidence = request.confidence ?? DEFAULT_CONFIDENCE;
  if (action !== "import" && campaigns.length !== 1) {
    throw new Error(`${action}: expected one campaign, got ${campaigns.length}`);
  }
  const booked = await store.listCampaigns();
  if (action !== "update") {
    // Named before the guard runs: a campaign that cannot be stored gets no decision.
    const ids = new Set(booked.map((c) => c.id));
    const seen = new Set<string>();
    for (const c of campaigns) {
      if (ids.has(c.id)) throw new Error(`campaign id "${c.id}" is already stored`);
      if (seen.has(c.id)) throw new Error(`campaign id "${c.id}" is given twice`);
      seen.add(c.id);
    }
  }
  const before = action === "update" ? booked.find((c) => c.id === campaigns[0].id) : undefined;
  if (action === "update" && before === undefined) throw new Error(`no campaign "${campaigns[0].id}"`);
  const grows = before === undefined ? [] : bookingEnlargement(before, campaigns[0]);
  const guarded = (c: Campaign) => c.priority === "guaranteed" && (action !== "update" || grows.length > 0);

  let forecast: GuardForecast | null = null;
  if (campaigns.some(guarded)) {
    const published = await readPublishedForecast(store);
    forecast =
      published === null
        ? null
        : {
            runId: published.runId,
            paths: published.paths,
            leafKeys: published.manifest.leafKeys,
            start: published.manifest.start,
          };
  }

  const outcomes: BookingOutcomeOf[] = [];
  const others = [...booked];
  for (const campaign of campaigns) {
    let check: BookingCheck;
    if (guarded(campaign)) {
      check = checkBooking(campaign, others, forecast, config, confidence);
      if (action === "update")
        check = { ...check, reason: `${check.reason}; the update grows: ${grows.join("; ")}` };
    } else {
      // Without a forecast the guard only says why it does not look: not guaranteed. A guaranteed campaign
      // lands here only from an update that asks for no more.
      check = checkBooking(campaign, [], null, config, confidence);
      if (campaign.priority === "guaranteed") {
        check = { ...check, verdict: "not_guarded", reason: "the update asks for no more inventory" };
      }
    }
    const decision: BookingOutcome =
      check.verdict === "fits"
        ? "accepted"
        : check.verdict === "not_guarded"
          ? "unchecked"
          : request.force
            ? "forced"
            : "refused";
    outcomes.push({ campaign, decision, check });
    others.push(campaign);
  }

  const log = (list: readonly BookingOutcomeOf[]): BookingDecisionInput[] =>
    list.map(({ campaign, decision, check }) => {
      const { campaign_id: _, ...figures } = check;
      return {
        campaign_id: campaign.id,
        action,
        decision,
        figures: { priority: campaign.priority, ...figures },
      };
    });
  const refused = outcomes.filter((o) => o.decision === "refused");
  if (refused.length > 0) {
    await store.logBookingDecisions(log(refused));
    return { stored: false, outcomes };
  }
  if (action === "update") await store.updateCampaign(campaigns[0], log(outcomes));
  else await store.importCampaigns(campaigns, log(outcomes));
  return { stored: true, outcomes };
}
