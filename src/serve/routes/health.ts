import { z } from "zod";
import { freshnessAlerts } from "../freshness-alerts.js";
import type { RouteSpec } from "../route-spec.js";
import { readySchema } from "../schemas/common.js";
import type { ServeContext } from "../serve-context.js";

/**
 * GET /healthz (the process answers) and GET /readyz (a forecast run is live: 200 naming it, the published
 * one and any error loading it, the freshness alerts and scheduler, the stream consumed; 503 before any run is
 * published).
 *
 * @example
 * const [healthz, readyz] = healthRoutes(ctx);
 */
export function healthRoutes(ctx: ServeContext): RouteSpec[] {
  return [
    {
      method: "GET",
      url: "/healthz",
      role: null,
      tag: "operations",
      summary: "Liveness",
      neverShed: true,
      responses: { 200: { description: "the server is up", schema: z.object({ status: z.literal("ok") }) } },
      async handler() {
        return { status: "ok" };
      },
    },
    {
      method: "GET",
      url: "/readyz",
      role: null,
      tag: "operations",
      summary: "Readiness: which forecast run is live",
      description:
        "200 when a forecast run is live. `live` is the run answering, `published` the one the store has " +
        "published: they differ while a new run loads, or when it failed to load (`error`), in which case the " +
        "last good run keeps serving.",
      responses: {
        200: { description: "ready", schema: readySchema },
        503: { description: "no run published yet", schema: readySchema },
      },
      async handler(_request, reply) {
        const status = ctx.live.status();
        const ready = status.live !== null;
        const run = ctx.live.current();
        return reply.code(ready ? 200 : 503).send({
          ready,
          ...status,
          watermark: ctx.watermark === null ? null : new Date(ctx.watermark).toISOString(),
          // Reported, not acted on: a late feed or an old run still serves.
          alerts: freshnessAlerts(
            ctx.config.serve,
            Date.now(),
            run === null ? null : Date.parse(run.info.createdAt),
            ctx.watermark,
          ),
          freshness: ctx.freshness?.status() ?? null,
          stream: ctx.stream?.status() ?? null,
        });
      },
    },
  ];
}
