/** Warnings shown per run before the rest are counted, so a file of many gappy series stays readable. */
const SHOWN = 20;

/**
 * Prints each series' warnings to stderr as `series "id": warning`, the first 20 in full and then a count.
 *
 * @example printWarnings([{ id: "SE", warnings: ["imputed 3 missing values of 2016 by linear interpolation"] }])
 */
export function printWarnings(
  forecasts: readonly { id: string; warnings: readonly string[] }[],
  stream: NodeJS.WritableStream = process.stderr,
): void {
  let count = 0;
  for (const forecast of forecasts) {
    for (const warning of forecast.warnings) {
      if (count < SHOWN) stream.write(`warning: series "${forecast.id}": ${warning}\n`);
      count++;
    }
  }
  if (count > SHOWN) stream.write(`warning: ${count - SHOWN} more warnings not shown\n`);
}
