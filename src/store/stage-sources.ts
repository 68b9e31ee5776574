import type { Config } from "../config/schema.js";
import { listSources } from "../events/list-sources.js";
import { readSource } from "../events/read-source.js";
import type { RejectionReason } from "../events/rejection.js";
import { type ValidationContext, validateRecord } from "../events/validate.js";
import { csvField, type StagingFile } from "./staging-file.js";
import type { ProgressListener } from "./store.js";

/** Where a run stages rows and which rows it keeps. */
export interface StageOptions {
  config: Config;
  /** The run's clock (epoch ms): the default ingestion_time and the reference for future_time. */
  now: number;
  /** Events before this (epoch ms) may be too late: their raw text is kept for quarantine. Null: none. */
  tooOldBefore: number | null;
  /** Backfill: only events in [start, end) epoch ms are kept; others are counted as outside the range. */
  range?: { start: number; end: number };
  eventsFile: StagingFile;
  quarantineFile: StagingFile;
  onProgress?: ProgressListener;
}

/** What staging saw. */
export interface StageResult {
  sources: string[];
  rowsRead: number;
  outsideRange: number;
  quarantined: Partial<Record<RejectionReason, number>>;
}

/**
 * Reads every source, validates each row, and writes valid events and rejected rows to the staging files.
 * Nothing reaches the store here: the caller loads the staging files in one transaction.
 */
export async function stageSources(paths: readonly string[], options: StageOptions): Promise<StageResult> {
  const sources = await listSources(paths);
  const ctx: ValidationContext = {
    dimensions: options.config.dimensions,
    now: options.now,
    futureToleranceMs: options.config.futureToleranceMinutes * 60_000,
  };
  const { eventsFile, quarantineFile, range, tooOldBefore } = options;
  const nowText = String(options.now);
  const quarantined: Partial<Record<RejectionReason, number>> = {};
  let rowsRead = 0;
  let outsideRange = 0;
  options.onProgress?.(0, sources.length, "rows 0");
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s];
    const sourceField = csvField(source.path);
    for await (const rows of readSource(source)) {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        rowsRead++;
        if (row.record === null) {
          quarantined.malformed = (quarantined.malformed ?? 0) + 1;
          quarantineFile.append(
            `${sourceField},${row.line},malformed,${csvField(row.error ?? "unparseable")},${csvField(row.raw)}`,
          );
          continue;
        }
        const result = validateRecord(row.record, ctx);
        if (!result.ok) {
          const { reason, detail } = result.rejection;
          quarantined[reason] = (quarantined[reason] ?? 0) + 1;
          quarantineFile.append(
            `${sourceField},${row.line},${csvField(reason)},${csvField(detail)},${csvField(row.raw)}`,
          );
          continue;
        }
        const event = result.event;
        if (range !== undefined && (event.eventTime < range.start || event.eventTime >= range.end)) {
          outsideRange++;
          continue;
        }
        let line = `${csvField(event.eventId)},${event.eventType},${event.eventTime},${
          event.ingestionTime === null ? nowText : event.ingestionTime
        },${csvField(event.campaignId)}`;
        for (let d = 0; d < event.dimensions.length; d++) line += `,${csvField(event.dimensions[d])}`;
        line += `,${event.count},${event.costMicros}`;
        // Only a row that may turn out too late carries its source and raw text, to keep staging small.
        line +=
          tooOldBefore !== null && event.eventTime < tooOldBefore
            ? `,${sourceField},${row.line},${csvField(row.raw)}`
            : `,,${row.line},`;
        eventsFile.append(line);
      }
      options.onProgress?.(s, sources.length, `rows ${rowsRead}`);
    }
    options.onProgress?.(s + 1, sources.length, `rows ${rowsRead}`);
  }
  eventsFile.flush();
  quarantineFile.flush();
  return { sources: sources.map((s) => s.path), rowsRead, outsideRange, quarantined };
}
