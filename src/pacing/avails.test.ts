import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig, tempDir } from "../../test/helpers.js";
import { steadyForecast } from "../../test/steady-traffic.js";
import type { PublishedForecast } from "../run/published-forecast.js";
import { validateCampaign } from "../store/validate-campaign.js";
import { answerAvails, availsContext, quantileKey } from "./avails.js";

// A real published run: four weeks of steady traffic in four cells, forecast 96 hours from 2026-10-29T00:00Z.
let dir: string;
let cleanup: () => void;
let forecast: PublishedForecast;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("avails-answer-"));
  forecast = await steadyForecast(dir);
});
afterAll(() => cleanup());

function context(campaigns: Parameters<typeof availsContext>[4] = [], timeZone?: string) {
  const { runId, paths, manifest } = forecast;
  return availsContext(runId, paths, manifest.leafKeys, manifest.start, campaigns, defaultConfig, {
    timeZone,
  });
}

describe("quantileKey(probability)", () => {
  it("names a level by its percentage", () => {
    expect([quantileKey(0.2), quantileKey(0.05), quantileKey(0.025), quantileKey(0.5)]).toEqual([
      "p20",
      "p5",
      "p2.5",
      "p50",
    ]);
  });
});

describe("answerAvails(context, request) with extra quantiles and another time zone", () => {
  const request = { start: "2026-10-29", end: "2026-11-01", targeting: { geo: ["SE"] } };

  it("adds each asked quantile to every distribution, between its neighbours, leaving the others as they were", () => {
    const booked = [
      validateCampaign(
        {
          id: "g",
          name: "g",
          targeting: { geo: ["SE"] },
          start: "2026-10-29",
          end: "2026-11-01",
          goal_impressions: 30_000,
          priority: "guaranteed",
        },
        defaultConfig,
      ),
    ];
    const plain = answerAvails(context(booked), request);
    const more = answerAvails(context(booked), { ...request, quantiles: [0.2, 0.5] });
    expect(Object.keys(plain.total.available)).toEqual(["mean", "p10", "p50", "p90"]);
    expect(Object.keys(more.total.available)).toEqual(["mean", "p10", "p50", "p90", "p20"]);
    for (const figure of ["matched", "booked", "available", "possible"] as const) {
      const d = more.total[figure];
      expect(d.p10).toBeLessThanOrEqual(d.p20);
      expect(d.p20).toBeLessThanOrEqual(d.p50);
      const { p20: _, ...rest } = d;
      expect(rest).toEqual(plain.total[figure]);
    }
    // Available has a spread once something is booked: P20 strictly inside P10..P50 here.
    expect(more.total.available.p20).toBeGreaterThan(more.total.available.p10);
    expect(more.intervals[0].matched.p20).toBeGreaterThan(0);
  });

  it("names a quantile level outside (0, 1)", () => {
    for (const bad of [0, 1, 1.5, Number.NaN]) {
      expect(() => answerAvails(context(), { ...request, quantiles: [bad] })).toThrow(
        `quantiles: ${bad} is not a probability within (0, 1)`,
      );
    }
  });

  it("sells from the safety quantile when asked: every figure carries it and the answer names it", () => {
    const plain = answerAvails(context(), request);
    expect(plain.safety).toBeUndefined();
    const safe = answerAvails(context(), { ...request, safetyQuantile: 0.25 });
    expect(safe.safety).toEqual({ quantile: 0.25, key: "p25" });
    for (const interval of [...safe.intervals, safe.total]) {
      const available = interval.available;
      expect(available.p25).toBeGreaterThanOrEqual(available.p10);
      expect(available.p25).toBeLessThanOrEqual(available.p50);
    }
    expect(safe.total.matched.p25).toBeLessThan(safe.total.matched.mean);
    for (const bad of [0, 1, -0.2]) {
      expect(() => answerAvails(context(), { ...request, safetyQuantile: bad })).toThrow(
        `safetyQuantile: ${bad} is not a probability within (0, 1)`,
      );
    }
  });

  it("reads the request's days in the context's time zone", () => {
    // Tokyo's Oct 30 is Oct 29 15:00 to Oct 30 15:00 UTC: 24 forecast hours starting at hour 15.
    const tokyo = answerAvails(context([], "Asia/Tokyo"), {
      ...request,
      start: "2026-10-30",
      end: "2026-10-30",
    });
    const hours = answerAvails(context(), {
      ...request,
      start: "2026-10-29",
      end: "2026-10-30",
      granularity: "hour",
    });
    const expected = hours.intervals.slice(15, 39).reduce((s, i) => s + i.matched.mean, 0);
    expect(tokyo.total.matched.mean).toBeCloseTo(expected, 6);
    expect(() => answerAvails(context([], "Asia/Tokyo"), request)).toThrow(
      /^start: 2026-10-29 begins before/,
    );
  });
});
