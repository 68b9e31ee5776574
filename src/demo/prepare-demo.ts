import { existsSync } from "node:fs";
import type { Config } from "../config/schema.js";
import { bookCampaigns } from "../pacing/book-campaigns.js";
import { runForecast } from "../run/forecast-run.js";
import type { PoolOptions } from "../run/worker-pool.js";
import { createToken } from "../serve/tokens.js";
import { readCampaignsFile } from "../store/read-campaigns-file.js";
import type { Store } from "../store/store.js";

/** What `prepareDemo` did. */
export interface DemoPreparation {
  /** The run it forecast and published, or null when one was published already. */
  runId: string | null;
  /** Campaigns booked from the demo's campaigns.json (0 when the store had campaigns or the file is absent). */
  campaigns: number;
  /** An admin token made for the demo (shown once), or null when the store had tokens. */
  token: string | null;
}

/**
 * Makes a store holding demo events ready to serve: forecasts and publishes a run when none is published,
 * books the demo's campaigns (`campaignsFile`, forced through the booking guard: the demo sized them on its own
 * traffic, and a demo store has nothing else booked) when the store has none, and creates an admin API token
 * when the store has none. Each step is skipped when its result is there, so running it twice changes nothing.
 *
 * @example
 * const ready = await prepareDemo(store, config, "data/demo-logs/campaigns.json");
 * ready.token; // "avails_1a2b3c4d_..." the first time
 */
export async function prepareDemo(
  store: Store,
  config: Config,
  campaignsFile: string,
  options: { pool?: Omit<PoolOptions<unknown>, "shared">; onStep?: (step: string) => void } = {},
): Promise<DemoPreparation> {
  let runId: string | null = null;
  if ((await store.runs.list()).every((run) => run.publishedAt === null)) {
    const result = await runForecast(store, config, { pool: options.pool, onStep: options.onStep });
    if (!result.published)
      throw new Error(`demo forecast ${result.runId} not published: ${result.refused.join("; ")}`);
    runId = result.runId;
  }
  let campaigns = 0;
  if ((await store.listCampaigns()).length === 0 && existsSync(campaignsFile)) {
    options.onStep?.("booking the demo campaigns");
    const booked = await bookCampaigns(store, config, {
      action: "import",
      campaigns: await readCampaignsFile(campaignsFile, config),
      force: true,
    });
    campaigns = booked.outcomes.length;
  }
  let token: string | null = null;
  if ((await store.tokens.list()).length === 0)
    token = (await createToken(store.tokens, "admin", "demo")).token;
  return { runId, campaigns, token };
}
