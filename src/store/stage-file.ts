import type { Config } from "../config/schema.js";
import type { Source } from "../events/list-sources.js";
import { readSource } from "../events/read-source.js";
import type { RejectionReason } from "../events/rejection.js";
import { type ValidationContext, validateRecord } from "../events/validate.js";
import { csvField, type StagingFile } from "./staging-file.js";

/** What staging needs besides the file: plain data, so it can cross to a worker thread. */
export interface StageSettings {
  config: Config;
  /** The run's clock (epoch ms): the default ingestion_time and the reference for future_time. */
  now: number;
  /** Events before this (epoch ms) may be too late: their raw text is kept for quarantine. Null: none. */
  tooOldBefore: number | null;
  /** Backfill: only events in [start, end) epoch ms are kept; others are counted as outside the range. */
  range?: { start: number; end: number };
}

/** Running counts of what staging saw. */
export interface StageCounts {
  rowsRead: number;
  outsideRange: number;
  quarantined: Partial<Record<RejectionReason, number>>;
}

/** A fresh set of counts. */
export function emptyCounts(): StageCounts {
  return { rowsRead: 0, outsideRange: 0, quarantined: {} };
}

/** Adds counts into a total. */
export function addCounts(total: StageCounts, part: StageCounts): void {
  total.rowsRead += part.rowsRead;
  total.outsideRange += part.outsideRange;
  for (const [reason, n] of Object.entries(part.quarantined) as [RejectionReason, number][]) {
    total.quarantined[reason] = (total.quarantined[reason] ?? 0) + n;
  }
}

/**
 * Reads one source, validates each row, and appends valid events and rejected rows to the staging files,
 * counting as it goes. `onBatch` hears the rows read after each batch.
 */
export async function stageFile(
  source: Source,
  settings: StageSettings,
  eventsFile: StagingFile,
  quarantineFile: StagingFile,
  counts: StageCounts,
  onBatch?: (rows: number) => void,
): Promise<void> {
  const ctx: ValidationContext = {
    dimensions: settings.config.dimensions,
    now: settings.now,
    futureToleranceMs: settings.config.futureToleranceMinutes * 60_000,
  };
  const { range, tooOldBefore } = settings;
  const nowText = String(settings.now);
  const sourceField = csvField(source.path);
  const quarantined = counts.quarantined;
  for await (const rows of readSource(source)) {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
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
        counts.outsideRange++;
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
    counts.rowsRead += rows.length;
    onBatch?.(rows.length);
  }
}
