import { describe, expect, test } from "vitest";
import { arimaWorkspace, workspaceArray } from "./arima-workspace.js";
import { fitArima } from "./fit-arima.js";

function seasonalSeries(n: number): Float64Array {
  return Float64Array.from(
    { length: n },
    (_, t) => 100 + 0.5 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7919) % 13) / 3,
  );
}

describe("workspaceArray(workspace, slot, length, zero)", () => {
  test("hands out views of the asked length, zeroed again when reused, grown when too short", () => {
    const workspace = arimaWorkspace();
    const first = workspaceArray(workspace, "a", 4);
    first.fill(7);
    const again = workspaceArray(workspace, "a", 3);
    expect(Array.from(again)).toEqual([0, 0, 0]);
    expect(again.buffer).toBe(first.buffer);
    // not zeroed on request: the earlier values are still there
    first.fill(7);
    expect(Array.from(workspaceArray(workspace, "a", 2, false))).toEqual([7, 7]);
    const longer = workspaceArray(workspace, "a", 10);
    expect(longer.length).toBe(10);
    expect(longer.buffer).not.toBe(first.buffer);
    // another slot has its own buffer
    expect(workspaceArray(workspace, "b", 3).buffer).not.toBe(longer.buffer);
  });

  test("without a workspace gives a new zeroed array", () => {
    const a = workspaceArray(undefined, "a", 3);
    expect(Array.from(a)).toEqual([0, 0, 0]);
    expect(workspaceArray(undefined, "a", 3).buffer).not.toBe(a.buffer);
  });
});

describe("fitArima(y, { workspace })", () => {
  test("fits sharing a workspace equal fits of their own, and return nothing that lives in it", () => {
    const y = seasonalSeries(120);
    const workspace = arimaWorkspace();
    const specs = [
      { order: { p: 1, d: 1, q: 1, P: 0, D: 1, Q: 1, period: 12 }, includeDrift: false },
      { order: { p: 2, d: 0, q: 0, P: 1, D: 1, Q: 0, period: 12 }, includeDrift: true },
      { order: { p: 0, d: 1, q: 2, P: 0, D: 0, Q: 0, period: 12 }, includeDrift: true },
    ];
    const fast = { exactCssGradient: true, exactLikelihoodGradient: true };
    const shared = specs.map((spec) => fitArima(y, { ...spec, ...fast, workspace }));
    // the same fits again after the buffers were overwritten by the others
    const own = specs.map((spec) => fitArima(y, { ...spec, ...fast }));
    const buffers = new Set(Array.from(workspace.buffers.values(), (b) => b.buffer));
    shared.forEach((fit, i) => {
      expect(Array.from(fit.coef)).toEqual(Array.from(own[i].coef));
      expect(fit.loglik).toBe(own[i].loglik);
      expect(Array.from(fit.residuals)).toEqual(Array.from(own[i].residuals));
      for (const array of [fit.coef, fit.residuals, fit.model.a, fit.model.P, fit.model.phi]) {
        expect(buffers.has(array.buffer)).toBe(false);
      }
    });
  });
});
