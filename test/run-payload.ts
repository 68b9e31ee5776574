import type { RunPayload } from "../src/store/run-payload.js";

/**
 * A forecast run's payload for tests: `leaves` series of `hours` hourly means at `level` times a daily shape,
 * paths at 0.8, 1 and 1.2 times the means, and the level totals; `nan` puts a NaN into the first leaf.
 */
export function testPayload(
  level: number,
  options: { leaves?: number; hours?: number; nan?: boolean } = {},
): RunPayload<{ level: number; leaves: string[] }> {
  const leaves = Array.from(
    { length: options.leaves ?? 3 },
    (_, i) => `geo=${["SE", "NO", "DK", "FI"][i % 4]}${i}`,
  );
  const hours = options.hours ?? 48;
  const means = new Float64Array(leaves.length * hours);
  for (let i = 0; i < means.length; i++)
    means[i] = level * (1 + 0.5 * Math.sin((2 * Math.PI * (i % 24)) / 24));
  if (options.nan) means[7] = Number.NaN;
  const paths = new Float32Array(means.length * 3);
  for (let l = 0; l < leaves.length; l++)
    for (let p = 0; p < 3; p++)
      for (let h = 0; h < hours; h++) paths[(l * 3 + p) * hours + h] = means[l * hours + h] * (0.8 + 0.2 * p);
  let total = 0;
  for (const v of means) total += v;
  return {
    configHash: "0123456789abcdef",
    seed: 42,
    watermark: "2026-10-05T12:00:00.000Z",
    summary: {
      levels: { total: { total, series: 1 }, geo: { total, series: leaves.length } },
      coherence: { total: { maxRelativeError: 0, series: "total" } },
    },
    manifest: { level, leaves },
    arrays: { means: { data: means, rows: leaves }, paths: { data: paths } },
  };
}
