import { type LiveAccuracy, measureAccuracy } from "../../monitor/measure-accuracy.js";
import { freshnessAlerts } from "../freshness-alerts.js";
import type { LoadShedder } from "../load-shedder.js";
import type { ServerMetrics } from "../metrics.js";
import type { RouteSpec } from "../route-spec.js";
import type { ServeContext } from "../serve-context.js";

const ACCURACY_EVERY_MS = 60_000;

/**
 * GET /metrics: Prometheus text exposition of the request counters and latency histogram, saturation
 * (in-flight requests, event-loop delay and utilization, shed requests), the data's watermark lag, the
 * live run's age, and the live accuracy by level and horizon with the drift alarms firing.
 *
 * @example
 * const route = metricsRoute(ctx, metrics, shedder);
 */
export function metricsRoute(ctx: ServeContext, metrics: ServerMetrics, shedder: LoadShedder): RouteSpec {
  // Scoring joins the snapshots with the cube: done at most once a minute, whatever the scrape interval.
  let accuracy: { at: number; value: LiveAccuracy | null } | null = null;
  async function liveAccuracy(now: number): Promise<LiveAccuracy | null> {
    if (accuracy === null || now - accuracy.at >= ACCURACY_EVERY_MS) {
      accuracy = { at: now, value: await measureAccuracy(ctx.reader, ctx.config) };
    }
    return accuracy.value;
  }
  return {
    method: "GET",
    url: "/metrics",
    role: null,
    tag: "operations",
    summary: "Prometheus metrics",
    neverShed: true,
    responses: { 200: { description: "text exposition format 0.0.4", contentType: "text/plain" } },
    async handler(_request, reply) {
      const now = Date.now();
      const live = ctx.live.current();
      const text = metrics.render({
        watermarkLagSeconds: ctx.watermark === null ? null : (now - ctx.watermark) / 1000,
        liveRunAgeSeconds: live === null ? null : (now - Date.parse(live.info.createdAt)) / 1000,
        liveRunId: live?.info.id ?? null,
        shed: shedder.shed,
        accuracy: await liveAccuracy(now),
        alerts: freshnessAlerts(
          ctx.config.serve,
          now,
          live === null ? null : Date.parse(live.info.createdAt),
          ctx.watermark,
        ),
        cache: Object.fromEntries(
          Object.entries(ctx.caches).map(([name, c]) => [
            name,
            { hits: c.hits, misses: c.misses, size: c.size },
          ]),
        ),
      });
      return reply.type("text/plain; version=0.0.4; charset=utf-8").send(text);
    },
  };
}
