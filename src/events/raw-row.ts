/**
 * One row as read from a source, before validation: its 1-based line (or row) number, its raw text for
 * quarantine, and its fields, or null with a reason when the text could not be parsed into fields.
 */
export interface RawRow {
  line: number;
  raw: string;
  record: Record<string, unknown> | null;
  /** Why the row could not be parsed, when record is null. */
  error?: string;
}

/** Rows handed over in batches so per-row async overhead stays out of the hot path. */
export const ROW_BATCH_SIZE = 4096;
