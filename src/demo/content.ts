/** The content kinds of the demo publisher, in cell order. */
export const CONTENTS = ["music", "podcast"] as const;

/**
 * How the podcast share moves with the local hour, added to a device's base share: podcasts own the
 * commute and the lunch break, music the night and the evening.
 */
const PODCAST_SHIFT: readonly number[] = [
  -0.12, -0.14, -0.15, -0.15, -0.12, -0.02, 0.12, 0.18, 0.16, 0.06, 0.02, 0.02, 0.08, 0.06, 0.0, 0.0, 0.06,
  0.1, 0.08, -0.02, -0.06, -0.08, -0.1, -0.11,
];

/**
 * Podcast share of a device's opportunities at a local hour (music is the rest).
 *
 * @example
 * podcastShareAt(0.38, 8); // 0.54: the morning commute
 */
export function podcastShareAt(baseShare: number, localHour: number): number {
  const s = baseShare + PODCAST_SHIFT[localHour];
  return Math.min(0.9, Math.max(0.03, s));
}
