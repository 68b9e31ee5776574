import type { Config } from "../../config/schema.js";
import { MARKETS } from "../../demo/markets.js";
import { Random } from "../../demo/random.js";
import { resolveModel } from "../../forecast/models/registry.js";
import type { ProgressListener, Store } from "../../store/store.js";
import { asapPacer } from "./asap-pacer.js";
import { availsPacer } from "./avails-pacer.js";
import { type CampaignOutcome, campaignOutcome } from "./campaign-outcome.js";
import { flatPacer } from "./flat-pacer.js";
import { readLeafTraffic } from "./leaf-traffic.js";
import { runSimulation } from "./run-simulation.js";
import { scenarioCampaigns } from "./scenario-campaigns.js";
import { SIM_PRIORITIES, type SimCampaign } from "./sim-campaign.js";
import { storeCampaigns } from "./store-campaigns.js";
import { stretchForecasts } from "./stretch-forecasts.js";

const HOUR = 3_600_000;

/** How `avails simulate` runs. */
export interface SimulateOptions {
  /** Seeds the demo (when generated), the generated campaigns and the binomial draws. */
  seed: number;
  /** Days of the held-out stretch at the end of the store's data; default 14. */
  stretchDays?: number;
  /** Days of history before the stretch each forecast may use; default 28. */
  historyDays?: number;
  /** Forecast model name (resolveModel); default "auto". */
  model?: string;
  /** Hours between re-forecasts; default 24 (once per simulated day). */
  reforecastHours?: number;
  /** The demo generated into an empty store. */
  demo: { outDir: string; days: number; scale: number; end: Date };
  onProgress?: ProgressListener;
}

/** One campaign's row of the report: the outcome plus what kind of campaign it is. */
export interface SimulatedCampaign extends CampaignOutcome {
  priority: (typeof SIM_PRIORITIES)[number];
  mode: SimCampaign["mode"];
}

/** What `avails simulate --json` prints. */
export interface SimulationReport {
  pacers: { name: string; campaigns: SimulatedCampaign[] }[];
  /** The held-out stretch (ISO instants, end exclusive) and the leaf level it ran on. */
  stretch: { start: string; end: string; level: string; leaves: number };
  /** Where the campaigns came from: the store's own, or the generated mix. */
  campaigns: "store" | "generated";
  /** Whether the demo scenario was generated into an empty store first. */
  generated_demo: boolean;
}

/**
 * `avails simulate`: generates the demo scenario into an empty store, holds out the last `stretchDays` of
 * its leaf traffic, forecasts the leaves from the history before each simulated day, takes the store's
 * campaigns over the stretch (or generates a mix), runs the closed loop with avails' pacer and the flat and
 * asap pacers on the same draws, and scores every campaign (campaignOutcome).
 *
 * @example
 * const report = await simulateStore(store, config, { seed: 42, demo: { outDir, days: 35, scale: 40_000, end } });
 * report.pacers.find((p) => p.name === "avails")?.campaigns;
 */
export async function simulateStore(
  store: Store,
  config: Config,
  options: SimulateOptions,
): Promise<SimulationReport> {
  const { seed } = options;
  const stretchDays = options.stretchDays ?? 14;
  const historyDays = options.historyDays ?? 28;
  const reforecastHours = options.reforecastHours ?? 24;
  const model = resolveModel(options.model ?? "auto");
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`seed: expected a whole number >= 0, got ${seed}`);
  const status = await store.status();
  let generatedDemo = false;
  if (status.eventRows === 0) {
    if (options.demo.days < stretchDays + 2) {
      throw new Error(
        `demo days: ${options.demo.days} leave less than 2 days of history before a ${stretchDays}-day stretch (raise --demo-days or lower --days)`,
      );
    }
    // Loaded here: the generator is most of the CLI's code.
    const { seedDemoStore } = await import("../../demo/seed-store.js");
    await seedDemoStore(
      store,
      { ...options.demo, seed, format: "ndjson", gzip: false },
      options.onProgress === undefined
        ? undefined
        : (done, total) => options.onProgress?.(done, total, "demo ingest"),
    );
    generatedDemo = true;
  }
  const traffic = await readLeafTraffic(store, config, { stretchDays, historyDays });
  const forecasts = stretchForecasts(
    traffic,
    reforecastHours,
    { model, historyHours: historyDays * 24 },
    (done, total) => options.onProgress?.(done, total, "daily forecasts"),
  );
  let campaigns = storeCampaigns(await store.listCampaigns(), traffic, config.timeZone);
  const fromStore = campaigns.length > 0;
  if (!fromStore) {
    campaigns = scenarioCampaigns({
      traffic,
      forecast: forecasts[0],
      rng: new Random(seed, 5),
      timeZoneOf: (targeting) => marketTimeZone(targeting, config.timeZone),
    });
  }
  const runs = runSimulation({
    traffic,
    campaigns,
    pacers: [availsPacer, flatPacer, asapPacer],
    forecasts,
    reforecastHours,
    seed,
  });
  const t0 = traffic.start + traffic.stretchStart * HOUR;
  return {
    pacers: runs.map((run) => ({
      name: run.name,
      campaigns: run.campaigns.map((c) => ({
        ...campaignOutcome(c),
        priority: SIM_PRIORITIES[c.campaign.priority],
        mode: c.campaign.mode,
      })),
    })),
    stretch: {
      start: new Date(t0).toISOString(),
      end: new Date(traffic.start + traffic.hours * HOUR).toISOString(),
      level: traffic.level,
      leaves: traffic.keys.length,
    },
    campaigns: fromStore ? "store" : "generated",
    generated_demo: generatedDemo,
  };
}

/** A demo market's time zone when the targeting names exactly one geo that is a market, else the fallback. */
function marketTimeZone(targeting: Record<string, string[]>, fallback: string): string {
  const geos = targeting.geo;
  if (geos === undefined || geos.length === 0) return fallback;
  const zones = new Set(geos.map((geo) => MARKETS.find((m) => m.geo === geo)?.timeZone ?? fallback));
  return zones.size === 1 ? [...zones][0] : fallback;
}
