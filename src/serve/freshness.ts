import { fallbackModels } from "../monitor/fallback-models.js";
import { type ForecastRunOptions, runForecast } from "../run/forecast-run.js";
import type { ServeContext } from "./serve-context.js";

/** What one freshness check did. */
export type FreshnessOutcome =
  | { action: "skipped"; reason: string }
  | { action: "published"; runId: string }
  | { action: "refused"; runId: string; reasons: readonly string[] }
  | { action: "failed"; error: string };

/** The scheduler's last check and last forecast, for /readyz. */
export interface FreshnessStatus {
  everyMinutes: number;
  running: boolean;
  lastCheck: string | null;
  last: FreshnessOutcome | null;
}

/** The freshness scheduler of `avails serve`. */
export interface Freshness {
  /** One check now: runs a forecast when events arrived after the live run's data; one at a time. */
  tick(): Promise<FreshnessOutcome>;
  status(): FreshnessStatus;
  stop(): void;
}

/**
 * Keeps the served forecast fresh: every `serve.forecastEveryMinutes` (0: only when `tick` is called), when
 * the store's watermark has passed the live run's (events arrived since), it runs `runForecast` through the
 * server's write queue and publishes through the gates. A run the gates refuse, or one that fails, leaves the
 * last good run serving, is reported in `status()`, and is not tried again until more events arrive (a
 * refused run needs a person: `avails runs publish --force`); reads never wait for it (they use their own
 * connection), so a slow or delayed feed never blocks serving.
 *
 * @example
 * const freshness = startFreshness(served.context, { run: { seed: 1 } });
 * await freshness.tick(); // { action: "published", runId: "r000002" }
 */
export function startFreshness(
  ctx: ServeContext,
  options: { run?: ForecastRunOptions; logError?: (line: string) => void } = {},
): Freshness {
  const everyMinutes = ctx.config.serve.forecastEveryMinutes;
  let running: Promise<FreshnessOutcome> | null = null;
  let lastCheck: string | null = null;
  let last: FreshnessOutcome | null = null;
  // The watermark the last run was made at: a refused or failed run is not tried again on the same data.
  let triedAt = Number.NEGATIVE_INFINITY;

  async function check(): Promise<FreshnessOutcome> {
    lastCheck = new Date().toISOString();
    const live = ctx.live.current();
    const liveWatermark =
      live?.info.watermark == null ? Number.NEGATIVE_INFINITY : Date.parse(live.info.watermark);
    if (ctx.watermark === null) return { action: "skipped", reason: "the store holds no events" };
    if (ctx.watermark <= liveWatermark) {
      return { action: "skipped", reason: `no events after the live run's data (${live?.info.id})` };
    }
    if (ctx.watermark <= triedAt) {
      return { action: "skipped", reason: "no events since the last run, which was not published" };
    }
    triedAt = ctx.watermark;
    try {
      const result = await ctx.writes.run(async () =>
        runForecast(ctx.store, ctx.config, {
          ...options.run,
          modelOf: await fallbackModels(ctx.store, ctx.config),
        }),
      );
      if (result.published) return { action: "published", runId: result.runId };
      return { action: "refused", runId: result.runId, reasons: result.refused };
    } catch (error) {
      const message = (error as Error).message;
      options.logError?.(`avails serve: scheduled forecast failed: ${message}`);
      return { action: "failed", error: message };
    }
  }

  function tick(): Promise<FreshnessOutcome> {
    if (running !== null) return Promise.resolve({ action: "skipped", reason: "a forecast is running" });
    running = check().then((outcome) => {
      last = outcome;
      running = null;
      return outcome;
    });
    return running;
  }

  const timer =
    everyMinutes > 0
      ? setInterval(() => {
          void tick();
        }, everyMinutes * 60_000)
      : null;
  timer?.unref();
  return {
    tick,
    status: () => ({ everyMinutes, running: running !== null, lastCheck, last }),
    stop: () => {
      if (timer !== null) clearInterval(timer);
    },
  };
}
