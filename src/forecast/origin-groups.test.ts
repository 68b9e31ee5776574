import { describe, expect, it } from "vitest";
import { originGroups } from "./origin-groups.js";

describe("originGroups", () => {
  it("originGroups(origins) keeps every origin in one group", () => {
    expect(originGroups([4, 5, 6])).toEqual([[4, 5, 6]]);
  });

  it("originGroups(origins, fits) cuts consecutive runs as even as they can be, earlier runs larger", () => {
    expect(originGroups([10, 11, 12, 13, 14], 2)).toEqual([
      [10, 11, 12],
      [13, 14],
    ]);
    expect(originGroups([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it("originGroups(origins, fits) makes no more groups than origins, and none for none", () => {
    expect(originGroups([8, 9], 5)).toEqual([[8], [9]]);
    expect(originGroups([], 3)).toEqual([]);
  });

  it("originGroups(origins, fits) keeps every origin once, in order", () => {
    const origins = Array.from({ length: 59 }, (_, i) => 100 + 2 * i);
    for (const fits of [1, 2, 3, 4, 7, 59, 60]) expect(originGroups(origins, fits).flat()).toEqual(origins);
  });

  it("originGroups(origins, fits) rejects a fits that is not an integer >= 1, naming it", () => {
    for (const fits of [0, -1, 1.5, Number.NaN]) expect(() => originGroups([1, 2], fits)).toThrow(/fits/);
  });
});
