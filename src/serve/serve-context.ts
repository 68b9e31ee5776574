import type { Config } from "../config/schema.js";
import type { Store } from "../store/store.js";
import type { Freshness } from "./freshness.js";
import type { LiveRun } from "./live-run.js";
import type { ResponseCache } from "./response-cache.js";
import type { StreamFeed } from "./stream-feed.js";
import type { WriteQueue } from "./write-queue.js";

/** What the routes share: the config, the store (writes) and a read handle on it, the live run and caches. */
export interface ServeContext {
  readonly config: Config;
  /** Writes go through `writes`, one at a time. */
  readonly store: Store;
  /** Reads use their own connection, so they never see a write's transaction half done. */
  readonly reader: Store;
  readonly live: LiveRun;
  readonly writes: WriteQueue;
  readonly caches: { readonly avails: ResponseCache; readonly forecasts: ResponseCache };
  /** Where posted event batches are written before they are ingested. */
  readonly spoolDir: string;
  /** The store's watermark (epoch ms), kept up to date by ingests through the API. */
  watermark: number | null;
  /** The scheduler that forecasts when events arrived (set once the app is built). */
  freshness?: Freshness;
  /** The stream the server consumes (`avails serve --stream`), set once it starts. */
  stream?: StreamFeed;
}
