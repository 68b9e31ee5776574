/**
 * The epoch ms in a Redis stream id (`<ms>-<seq>`), the moment the entry was added; NaN for other ids.
 *
 * @example
 * streamIdTime("1700000000000-3"); // 1700000000000
 */
export function streamIdTime(id: string): number {
  const dash = id.indexOf("-");
  const ms = Number(dash < 0 ? id : id.slice(0, dash));
  return Number.isFinite(ms) ? ms : Number.NaN;
}
