/**
 * The id of the n-th forecast run: `r` and six digits (more once past a million), so ids sort as they were made.
 *
 * @example
 * formatRunId(12); // "r000012"
 */
export function formatRunId(sequence: number): string {
  return `r${String(sequence).padStart(6, "0")}`;
}

const RUN_ID = /^r?(\d{1,9})$/;

/**
 * The sequence number of a run id as a user types it: `r000012`, `r12` or `12`. Throws naming the text otherwise.
 *
 * @example
 * parseRunId("r000012"); // 12
 */
export function parseRunId(text: string): number {
  const m = RUN_ID.exec(text.trim());
  const sequence = m === null ? Number.NaN : Number(m[1]);
  if (!(sequence >= 1)) throw new Error(`"${text}" is not a run id (like r000012)`);
  return sequence;
}
