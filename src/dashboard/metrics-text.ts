/**
 * The value of an unlabelled gauge in Prometheus text format, or null when it is absent or NaN.
 *
 * @example
 * gaugeValue("avails_live_run_age_seconds 42\n", "avails_live_run_age_seconds"); // 42
 */
export function gaugeValue(text: string, name: string): number | null {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name} `)) continue;
    const value = Number(line.slice(name.length + 1).trim());
    return Number.isNaN(value) ? null : value;
  }
  return null;
}
