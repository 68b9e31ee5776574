import type { Config } from "../config/schema.js";
import { type AvailsContext, availsContext } from "../pacing/avails.js";
import { type PublishedForecast, readPublishedForecast } from "../run/published-forecast.js";
import type { RunInfo } from "../store/run-payload.js";
import type { Store } from "../store/store.js";

/** The run being served: its info (id, creation time, watermark) and its forecast, ready for queries. */
export interface LiveState {
  readonly info: RunInfo;
  readonly forecast: PublishedForecast;
}

/** What `/readyz` reports about the runs. */
export interface LiveStatus {
  /** The run being served, null before any run was published. */
  live: string | null;
  /** The run the store says is published (differs from `live` while loading it, or when loading it failed). */
  published: string | null;
  /** Why the published run is not the live one, when loading it failed. */
  error: string | null;
}

/**
 * The forecast run a server answers from: the published one, loaded at start, again whenever a run of the
 * store is published or rolled back in this process (`runs.watch`), and checked every `refreshMs` besides.
 * While a new run loads, the last one keeps serving; when it cannot be loaded, the last one goes on serving
 * and `status().error` says why (last known good). Listeners hear of each change of live run.
 *
 * @example
 * const live = new LiveRun(store, config, 10_000);
 * await live.start();
 * live.current()?.info.id; // "r000003"
 */
export class LiveRun {
  private state: LiveState | null = null;
  private published: string | null = null;
  private error: string | null = null;
  private context: { promise: Promise<AvailsContext>; runId: string } | null = null;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private stopWatch: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly config: Config,
    private readonly refreshMs: number,
  ) {}

  /** Loads the published run and starts following publications. */
  async start(): Promise<void> {
    this.stopWatch = this.store.runs.watch(() => {
      this.refresh().catch(() => undefined);
    });
    this.timer = setInterval(() => {
      this.refresh().catch(() => undefined);
    }, this.refreshMs);
    this.timer.unref();
    await this.refresh();
  }

  stop(): void {
    this.stopWatch?.();
    if (this.timer !== null) clearInterval(this.timer);
  }

  /** Calls `listener` whenever the live run changes. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  current(): LiveState | null {
    return this.state;
  }

  status(): LiveStatus {
    return { live: this.state?.info.id ?? null, published: this.published, error: this.error };
  }

  /**
   * Checks which run is published and loads it when it is not the live one. Calls while one runs share it and
   * make it check once more after, so a publication during a load is not missed.
   */
  refresh(): Promise<void> {
    if (this.refreshing !== null) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.again = false;
          await this.load();
        } while (this.again);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const id = await this.store.runs.publishedId();
    this.published = id;
    if (id === null || id === this.state?.info.id) {
      if (id === this.state?.info.id) this.error = null;
      return;
    }
    try {
      const forecast = await readPublishedForecast(this.store);
      if (forecast === null) return;
      const info = await this.store.runs.show(forecast.runId);
      this.state = { info, forecast };
      this.published = forecast.runId;
      this.context = null;
      this.error = null;
      for (const listener of this.listeners) listener();
    } catch (error) {
      // Last known good: the live run (if any) keeps serving; readyz tells what went wrong.
      this.error = `${id} could not be loaded: ${(error as Error).message}`;
    }
  }

  /**
   * The live run's supply with the booked campaigns allocated on it, built on first use after each change of
   * run or of campaigns and shared by the requests that wait for it.
   */
  availsContext(): Promise<AvailsContext> | null {
    const state = this.state;
    if (state === null) return null;
    if (this.context !== null && this.context.runId === state.info.id) return this.context.promise;
    const promise = this.store
      .listCampaigns()
      .then((campaigns) =>
        availsContext(
          state.info.id,
          state.forecast.paths,
          state.forecast.manifest.leafKeys,
          state.forecast.manifest.start,
          campaigns,
          this.config,
        ),
      );
    const entry = { promise, runId: state.info.id };
    this.context = entry;
    promise.catch(() => {
      if (this.context === entry) this.context = null;
    });
    return promise;
  }

  /** Campaigns were booked or removed: the next avails query allocates them again. */
  campaignsChanged(): void {
    this.context = null;
  }
}
