/** Options of generateDemo. */
export interface DemoOptions {
  /** Output folder, created if absent. */
  outDir: string;
  /** Same seed, same files, byte for byte. */
  seed: number;
  /** History length in days. */
  days: number;
  /** Approximate valid events per day (opportunities + impressions + clicks). */
  scale: number;
  format: "ndjson" | "csv" | "parquet";
  /** ndjson and csv only: write .ndjson.gz / .csv.gz. */
  gzip: boolean;
  /** Exclusive end of the history: a UTC midnight. */
  end: Date;
  /** Rows written so far and the expected total; called at most every ~50,000 rows. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Defaults a caller (the CLI) uses for options the user did not give; `end` defaults to today's UTC midnight.
 *
 * @example
 * const options = { ...DEMO_DEFAULTS, outDir: "demo", end: todayUtcMidnight() };
 */
export const DEMO_DEFAULTS = { seed: 42, days: 120, scale: 25_000, format: "ndjson", gzip: false } as const;

/** Upper limits that keep a typo from filling the disk. */
const MAX_DAYS = 3660;
const MAX_SCALE = 100_000_000;

function fail(option: string, rule: string, value: unknown): never {
  const shown =
    value instanceof Date
      ? Number.isNaN(value.getTime())
        ? "Invalid Date"
        : value.toISOString()
      : typeof value === "function"
        ? "a function"
        : JSON.stringify(value);
  throw new Error(`invalid demo option "${option}": ${rule} (got ${shown ?? String(value)})`);
}

/**
 * Throws an Error naming the first invalid option.
 *
 * @example
 * validateDemoOptions({ ...options, days: 0 }); // Error: invalid demo option "days": must be a positive integer ...
 */
export function validateDemoOptions(options: DemoOptions): void {
  const { outDir, seed, days, scale, format, gzip, end, onProgress } = options;
  if (typeof outDir !== "string" || outDir.length === 0) fail("outDir", "must be a non-empty path", outDir);
  if (!Number.isSafeInteger(seed) || seed < 0) fail("seed", "must be a non-negative integer", seed);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    fail("days", `must be a positive integer up to ${MAX_DAYS}`, days);
  }
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    fail("scale", `must be a positive integer up to ${MAX_SCALE}`, scale);
  }
  if (format !== "ndjson" && format !== "csv" && format !== "parquet") {
    fail("format", 'must be "ndjson", "csv" or "parquet"', format);
  }
  if (typeof gzip !== "boolean") fail("gzip", "must be true or false", gzip);
  if (gzip && format === "parquet") fail("gzip", "applies to ndjson and csv only, not parquet", gzip);
  if (!(end instanceof Date) || Number.isNaN(end.getTime())) fail("end", "must be a valid Date", end);
  if (end.getTime() % 86_400_000 !== 0) fail("end", "must be a UTC midnight", end);
  if (onProgress !== undefined && typeof onProgress !== "function")
    fail("onProgress", "must be a function", onProgress);
}
