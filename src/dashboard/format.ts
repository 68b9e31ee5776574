const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const SHORT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * A count with thousands separators, rounded to a whole number; "–" for null or NaN (no figure).
 *
 * @example
 * formatCount(1234567.4); // "1,234,567"
 */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : COUNT.format(value);
}

/**
 * A count for an axis tick: compact above 10,000 (`12.5K`, `3.1M`), with separators below.
 *
 * @example
 * formatAxisCount(12_500); // "12.5K"
 */
export function formatAxisCount(value: number): string {
  return Math.abs(value) >= 10_000 ? SHORT.format(value) : COUNT.format(value);
}

/**
 * A share as a percentage with one decimal; "–" for null or NaN.
 *
 * @example
 * formatPercent(0.1234); // "12.3%"
 */
export function formatPercent(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const text = `${(value * 100).toFixed(1)}%`;
  return signed && value > 0 ? `+${text}` : text;
}

/**
 * A duration in seconds as the two largest units: `45 s`, `12 min`, `3 h 20 min`, `2 d 4 h`; "–" for null.
 *
 * @example
 * formatDuration(12_000); // "3 h 20 min"
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return "–";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) {
    const m = Math.floor((s % 3600) / 60);
    return `${Math.floor(s / 3600)} h${m === 0 ? "" : ` ${m} min`}`;
  }
  const h = Math.floor((s % 86_400) / 3600);
  return `${Math.floor(s / 86_400)} d${h === 0 ? "" : ` ${h} h`}`;
}
