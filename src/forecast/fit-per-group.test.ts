import { describe, expect, it } from "vitest";
import { fitPerGroup } from "./fit-per-group.js";

/** A "model" whose forecast from each origin is the first origin of its fit: shows which fit served it. */
const firstOrigin = (group: readonly number[]) => group.map(() => Float64Array.of(group[0]));

describe("fitPerGroup", () => {
  it("fitPerGroup(origins, 1, run) runs once on every origin", () => {
    expect(fitPerGroup([5, 6, 7], 1, firstOrigin)).toEqual([5, 5, 5].map((v) => Float64Array.of(v)));
  });

  it("fitPerGroup(origins, fits, run) serves each run of origins by a fit at its first origin, in order", () => {
    const forecasts = fitPerGroup([5, 6, 7, 8, 9], 2, firstOrigin);
    expect(forecasts.map((f) => f[0])).toEqual([5, 5, 5, 8, 8]);
  });

  it("fitPerGroup([], fits, run) still hands run the empty origins, so that it validates its input", () => {
    let calls = 0;
    fitPerGroup([], 3, (group) => {
      calls++;
      expect(group).toEqual([]);
      return [];
    });
    expect(calls).toBe(1);
  });

  it("fitPerGroup(origins, fits, run) rejects a bad fits, naming it", () => {
    expect(() => fitPerGroup([1, 2], 0, firstOrigin)).toThrow(/fits/);
  });
});
