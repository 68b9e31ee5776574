import { z } from "zod";
import { parseEventTime } from "../../events/parse-time.js";
import { pacingReport } from "../../pacing/pacing-report.js";
import { parseQuery } from "../parse-query.js";
import { HttpProblem } from "../problem.js";
import type { RouteSpec } from "../route-spec.js";
import type { ServeContext } from "../serve-context.js";
import { noRun } from "./avails.js";

const pacingQuerySchema = z.strictObject({
  at: z.string().optional().meta({
    description: "the moment to pace at, ISO 8601 with an offset or epoch ms; default the live run's start",
  }),
  window: z.coerce
    .number()
    .gt(0)
    .max(60)
    .optional()
    .meta({ description: "sliding window of the burst check, minutes (default 5)" }),
});

const pacingParamsSchema = z.strictObject({ id: z.string().min(1) });

/**
 * GET /v1/campaigns/:id/pacing: one campaign's pacing as `avails pace ID --json` gives it (the report's `at`
 * and `run_id` with the campaign's status, projection, next hour's throttle and burst check), for the ad
 * server to ask every hour.
 *
 * @example
 * const route = pacingRoute(ctx); // GET /v1/campaigns/c01/pacing?at=2026-12-05T14:00:00Z
 */
export function pacingRoute(ctx: ServeContext): RouteSpec {
  return {
    method: "GET",
    url: "/v1/campaigns/:id/pacing",
    role: "viewer",
    tag: "campaigns",
    summary: "A campaign's pacing and next hour's throttle",
    description:
      "Delivered and planned to date, pacing index, projected final delivery (mean, P10, P90), probability of " +
      "under-delivery, state (on track, behind, ahead, at risk, done), the pass-through probability for the " +
      "next hour and the burst check, from the store and the published run.",
    params: pacingParamsSchema,
    query: pacingQuerySchema,
    responses: { 200: { description: "the campaign's pacing" }, 404: { description: "no such campaign" } },
    async handler(request) {
      const { id } = parseQuery(pacingParamsSchema, request.params);
      const query = parseQuery(pacingQuerySchema, request.query);
      let at: number | undefined;
      if (query.at !== undefined) {
        at = parseEventTime(query.at);
        if (Number.isNaN(at)) {
          throw new HttpProblem(
            400,
            `at: "${query.at}" is not a time (ISO 8601 with an offset, or epoch ms)`,
            "at",
          );
        }
      }
      if (ctx.live.current() === null) throw noRun();
      try {
        const report = await pacingReport(ctx.reader, ctx.config, {
          campaignId: id,
          at,
          windowMinutes: query.window,
        });
        return { at: report.at, run_id: report.run_id, ...report.campaigns[0] };
      } catch (error) {
        const message = (error as Error).message;
        if (/^campaign: no campaign/.test(message)) throw new HttpProblem(404, `no campaign "${id}"`, "id");
        throw error;
      }
    },
  };
}
