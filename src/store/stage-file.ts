import type { Config } from "../config/schema.js";
import type { Source } from "../events/list-sources.js";
import type { RawRow } from "../events/raw-row.js";
import { readLineChunks } from "../events/read-line-chunks.js";
import { parseNdjsonLine } from "../events/read-ndjson.js";
import { readSource } from "../events/read-source.js";
import type { RejectionReason } from "../events/rejection.js";
import { type ValidationContext, validateRecord } from "../events/validate.js";
import { type IdHashes, idHash } from "./id-hashes.js";
import { NdjsonFastPath, OUTSIDE_RANGE, STAGED } from "./ndjson-fast-path.js";
import type { ParquetFile } from "./parquet-file.js";
import { appendStagedEvent } from "./staged-events.js";
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
 * Stages rows of one source: validates each and appends a valid event to the events staging file, or the
 * quarantine line of a rejected row. The general path for any row of any format.
 */
export class RowStager {
  private readonly ctx: ValidationContext;
  private readonly sourcePath: string;
  private readonly sourceField: string;

  constructor(
    private readonly settings: StageSettings,
    source: Source,
    private readonly eventsFile: ParquetFile,
    private readonly quarantineFile: StagingFile,
    private readonly counts: StageCounts,
    private readonly hashes: IdHashes,
  ) {
    this.ctx = {
      dimensions: settings.config.dimensions,
      now: settings.now,
      futureToleranceMs: settings.config.futureToleranceMinutes * 60_000,
    };
    this.sourcePath = source.path;
    this.sourceField = csvField(source.path);
  }

  /** Stages one row (it is counted as read by the caller). */
  stage(row: RawRow): void {
    const quarantined = this.counts.quarantined;
    if (row.record === null) {
      quarantined.malformed = (quarantined.malformed ?? 0) + 1;
      this.quarantineFile.append(
        `${this.sourceField},${row.line},malformed,${csvField(row.error ?? "unparseable")},${csvField(row.raw)}`,
      );
      return;
    }
    const result = validateRecord(row.record, this.ctx);
    if (!result.ok) {
      const { reason, detail } = result.rejection;
      quarantined[reason] = (quarantined[reason] ?? 0) + 1;
      this.quarantineFile.append(
        `${this.sourceField},${row.line},${csvField(reason)},${csvField(detail)},${csvField(row.raw)}`,
      );
      return;
    }
    const event = result.event;
    const { range, tooOldBefore } = this.settings;
    if (range !== undefined && (event.eventTime < range.start || event.eventTime >= range.end)) {
      this.counts.outsideRange++;
      return;
    }
    // Only a row that may turn out too late carries its source and raw text, to keep staging small.
    const mayBeLate = tooOldBefore !== null && event.eventTime < tooOldBefore;
    appendStagedEvent(
      this.eventsFile,
      event,
      event.ingestionTime ?? this.settings.now,
      row.line,
      mayBeLate ? { source: this.sourcePath, raw: row.raw } : null,
      this.hashOf(event.eventId),
    );
  }

  private hashOf(eventId: string): number {
    const bytes = Buffer.from(eventId, "utf8");
    const hash = idHash(bytes, 0, bytes.length);
    this.hashes.add(hash);
    return hash;
  }
}

/**
 * Reads one source, validates each row, and appends valid events and rejected rows to the staging files,
 * counting as it goes. NDJSON lines try the fast path first. `onBatch` hears the rows read after each batch.
 */
export async function stageFile(
  source: Source,
  settings: StageSettings,
  eventsFile: ParquetFile,
  quarantineFile: StagingFile,
  counts: StageCounts,
  hashes: IdHashes,
  onBatch?: (rows: number) => void,
): Promise<void> {
  const general = new RowStager(settings, source, eventsFile, quarantineFile, counts, hashes);
  if (source.format !== "ndjson") {
    for await (const rows of readSource(source)) {
      for (let r = 0; r < rows.length; r++) general.stage(rows[r]);
      counts.rowsRead += rows.length;
      onBatch?.(rows.length);
    }
    return;
  }
  const fast = new NdjsonFastPath(settings, source.path, hashes);
  let lineNumber = 0;
  for await (const chunk of readLineChunks(source.path)) {
    let rows = 0;
    let next = 0;
    while (next < chunk.length) {
      const start = next;
      const newline = chunk.indexOf(10, start);
      let end = newline === -1 ? chunk.length : newline;
      next = end + 1;
      if (end > start && chunk[end - 1] === 13) end--;
      lineNumber++;
      const outcome = fast.stage(chunk, start, end, lineNumber, eventsFile);
      if (outcome === OUTSIDE_RANGE) {
        counts.outsideRange++;
      } else if (outcome !== STAGED) {
        // Escapes, control characters, or a row that breaks a rule: the general path decides.
        const text = chunk.toString("utf8", start, end);
        if (text.trim() === "") continue;
        general.stage(parseNdjsonLine(text, lineNumber));
      }
      rows++;
    }
    counts.rowsRead += rows;
    onBatch?.(rows);
  }
}
