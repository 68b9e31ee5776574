import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { IngestReport, Store } from "../store/store.js";
import type { StreamBatch, StreamSource } from "./stream-source.js";

/** What one committed batch did. */
export interface StreamBatchReport {
  batch: number;
  /** Stream entries in the batch (each one event line). */
  entries: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  /** True when the batch was a crashed consumer's, delivered again. */
  redelivered: boolean;
  /** From the oldest entry's XADD to the store commit, in ms: how stale the cube was for that entry. */
  lagMs: number;
  /** Entries of the stream not yet delivered to the group after this batch (null when unknown). */
  backlog: number | null;
  /** The store's ingest run of the batch. */
  runId: number;
}

/** The totals of a consumer's life. */
export interface StreamSummary {
  source: string;
  batches: number;
  entries: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  /** Entries acknowledged without ingest: trimmed from the stream before they could be read again. */
  missing: number;
  /** The largest batch lag (oldest entry's XADD to commit), in ms; 0 before any batch. */
  maxLagMs: number;
  backlog: number | null;
}

/** How a consumer runs. */
export interface ConsumeOptions {
  /** Folder for the batch files handed to store.ingest (removed after each batch). */
  spoolDir: string;
  /** Stops the consumer after the batch in flight commits. */
  signal?: AbortSignal;
  /** Stop when a read brings nothing (drain the stream and exit), instead of waiting for more. */
  untilEmpty?: boolean;
  onBatch?: (report: StreamBatchReport) => void;
  /** The clock, epoch ms (benchmarks and tests read lag from it). */
  now?: () => number;
}

/**
 * Consumes a stream into the store until stopped: each batch is written as an NDJSON file and ingested
 * exactly as `avails ingest` ingests a file (validation, quarantine with the entry's line, dedupe by
 * event_id, lateness against the watermark), then acknowledged only after the commit. A crash between commit
 * and acknowledgement delivers the batch again; dedupe by event_id makes it count once (at-least-once
 * delivery + idempotent store = exactly-once counts).
 *
 * @example
 * const source = await openRedisStream("redis://127.0.0.1:6379/events", settings);
 * const summary = await consumeStream(source, store, { spoolDir: "/tmp/spool", signal });
 */
export async function consumeStream(
  source: StreamSource,
  store: Pick<Store, "ingest">,
  options: ConsumeOptions,
): Promise<StreamSummary> {
  const now = options.now ?? Date.now;
  const summary: StreamSummary = {
    source: source.name,
    batches: 0,
    entries: 0,
    accepted: 0,
    duplicates: 0,
    quarantined: 0,
    missing: 0,
    maxLagMs: 0,
    backlog: null,
  };
  await mkdir(options.spoolDir, { recursive: true });
  while (!options.signal?.aborted) {
    const batch = await source.read(options.signal);
    if (batch.entries.length === 0) {
      if (batch.missing.length > 0) {
        await source.acknowledge(batch);
        summary.missing += batch.missing.length;
        continue;
      }
      if (options.untilEmpty) break;
      continue;
    }
    const report = await ingestBatch(batch, store, join(options.spoolDir, source.label));
    const committedAt = now();
    await source.acknowledge(batch);
    let oldest = Number.POSITIVE_INFINITY;
    for (const entry of batch.entries) if (entry.addedAt < oldest) oldest = entry.addedAt;
    const lagMs = Number.isFinite(oldest) ? Math.max(0, committedAt - oldest) : 0;
    const backlog = await source.backlog();
    summary.batches += 1;
    summary.entries += batch.entries.length;
    summary.accepted += report.accepted;
    summary.duplicates += report.duplicates;
    summary.quarantined += report.quarantinedTotal;
    summary.missing += batch.missing.length;
    summary.maxLagMs = Math.max(summary.maxLagMs, lagMs);
    summary.backlog = backlog;
    options.onBatch?.({
      batch: summary.batches,
      entries: batch.entries.length,
      accepted: report.accepted,
      duplicates: report.duplicates,
      quarantined: report.quarantinedTotal,
      redelivered: batch.redelivered,
      lagMs,
      backlog,
      runId: report.runId,
    });
  }
  if (summary.backlog === null) summary.backlog = await source.backlog().catch(() => null);
  return summary;
}

/** Ingests a batch through the file path of `avails ingest`; the file is named by the entries it holds. */
async function ingestBatch(
  batch: StreamBatch,
  store: Pick<Store, "ingest">,
  spoolDir: string,
): Promise<IngestReport> {
  const first = batch.entries[0].id;
  const last = batch.entries[batch.entries.length - 1].id;
  // Line k of the file is the batch's k-th entry, so quarantine's source and line locate the entry.
  const file = `${spoolDir}@${first}..${last}.ndjson`;
  let text = "";
  for (const entry of batch.entries) text += `${entry.line}\n`;
  await writeFile(file, text);
  try {
    // In this thread: a worker's start-up costs more than staging a batch (bench/scale.js: about half the lag).
    return await store.ingest([file], { maxWorkers: 0 });
  } finally {
    await rm(file, { force: true });
  }
}
