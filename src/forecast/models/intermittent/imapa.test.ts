import { describe, expect, test } from "vitest";
import { adida } from "./adida.js";
import { bucketSums } from "./aggregate-rates.js";
import { imapa } from "./imapa.js";
import { optimalWeight } from "./ses-weight.js";

const request = { horizon: 2, levels: [], seasons: [] };

/** The ADIDA forecast at bucket size k: SES, with its optimal weight, of the sums, over k. */
function adidaAt(y: Float64Array, k: number): number {
  const sums = bucketSums(y, y.length, k);
  const alpha = optimalWeight(sums, sums.length);
  let level = sums[0];
  for (let i = 1; i < sums.length; i++) level += alpha * (sums[i] - level);
  return level / k;
}

describe("imapa()", () => {
  test("imapa() averages ADIDA at bucket sizes 1 to the mean interval", () => {
    // Demands at 3, 7, 11, 15, 19: mean interval 4.
    const y = new Float64Array(22);
    [3, 7, 11, 15, 19].forEach((t, i) => {
      y[t] = 2 + i;
    });
    const result = imapa().forecast(y, request);
    expect(result.description).toBe("IMAPA(buckets=1..4)");
    const expected = (adidaAt(y, 1) + adidaAt(y, 2) + adidaAt(y, 3) + adidaAt(y, 4)) / 4;
    expect(result.mean[0]).toBeCloseTo(expected, 6);
    expect(result.mean[1]).toBe(result.mean[0]);
    for (let t = 0; t < 4; t++) expect(result.fitted[t]).toBeNaN();
    expect(Number.isFinite(result.fitted[4])).toBe(true);
  });

  test("imapa() of a series with a demand every period is ADIDA at bucket 1", () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => 1 + ((t * 7) % 5));
    expect(imapa().forecast(y, request).mean[0]).toBeCloseTo(adida().forecast(y, request).mean[0], 12);
  });
});
