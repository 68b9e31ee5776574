import { rm } from "node:fs/promises";
import type { Store } from "../store/store.js";
import { consumeStream, type StreamBatchReport, type StreamSummary } from "../stream/consume-stream.js";
import type { StreamSource } from "../stream/stream-source.js";
import { noteIngest } from "./note-ingest.js";
import type { ServeContext } from "./serve-context.js";

/** What /readyz says of the stream the server consumes: the consumer's running totals and its last batch. */
export interface StreamFeedStatus
  extends Pick<
    StreamSummary,
    "source" | "batches" | "entries" | "accepted" | "duplicates" | "quarantined" | "backlog"
  > {
  /** The last batch's lag, from its oldest entry's arrival in the stream to the store commit, in ms. */
  lastLagMs: number | null;
  /** When the last batch was committed (ISO), null before any. */
  lastBatchAt: string | null;
}

/** A stream consumed by the server. */
export interface StreamFeed {
  /** Settles when the feed ends: resolves after `stop()`, rejects when the source fails. */
  readonly done: Promise<StreamSummary>;
  status(): StreamFeedStatus;
  /** Stops after the batch in flight commits (and is acknowledged); resolves with the summary. */
  stop(): Promise<StreamSummary>;
}

/**
 * Consumes a stream inside `avails serve` (`--stream URL`): one DuckDB file has one writing process, so a
 * separate `avails stream` cannot write while the server holds the store. Each batch is ingested through the
 * server's write queue, one write at a time with bookings, POSTed batches and scheduled forecasts, and
 * acknowledged after its commit (consumeStream's contract); reads use their own connection and see the batch
 * from the commit on, so the cube, /v1/forecasts actuals and pacing count a streamed event within one batch's
 * lag. The watermark moves as with POST /v1/events, so the freshness scheduler forecasts on streamed events.
 *
 * @example
 * const feed = startStreamFeed(served.context, source, { spoolDir: "/tmp/avails-serve-stream" });
 * // ... on SIGTERM:
 * await feed.stop();
 */
export function startStreamFeed(
  ctx: ServeContext,
  source: StreamSource,
  options: { spoolDir: string; onBatch?: (report: StreamBatchReport) => void },
): StreamFeed {
  const stopping = new AbortController();
  const status: StreamFeedStatus = {
    source: source.name,
    batches: 0,
    entries: 0,
    accepted: 0,
    duplicates: 0,
    quarantined: 0,
    lastLagMs: null,
    lastBatchAt: null,
    backlog: null,
  };
  const store: Pick<Store, "ingest"> = {
    ingest: (files, ingestOptions) =>
      ctx.writes.run(async () => {
        const report = await ctx.store.ingest(files, ingestOptions);
        noteIngest(ctx, report);
        return report;
      }),
  };
  const done = consumeStream(source, store, {
    spoolDir: options.spoolDir,
    signal: stopping.signal,
    onBatch: (report) => {
      status.batches = report.batch;
      status.entries += report.entries;
      status.accepted += report.accepted;
      status.duplicates += report.duplicates;
      status.quarantined += report.quarantined;
      status.lastLagMs = report.lagMs;
      status.lastBatchAt = new Date().toISOString();
      status.backlog = report.backlog;
      options.onBatch?.(report);
    },
  }).finally(() => rm(options.spoolDir, { recursive: true, force: true }));
  return {
    done,
    status: () => ({ ...status }),
    stop() {
      stopping.abort();
      return done;
    },
  };
}
