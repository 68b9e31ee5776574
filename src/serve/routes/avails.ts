import { answerAvails } from "../../pacing/avails.js";
import { parseQuery } from "../parse-query.js";
import { fieldProblem, HttpProblem } from "../problem.js";
import type { RouteSpec } from "../route-spec.js";
import { availsQuerySchema, availsReportSchema } from "../schemas/avails.js";
import { sendCached } from "../send-cached.js";
import type { ServeContext } from "../serve-context.js";

/**
 * GET /v1/avails: matched, booked, available and possible impressions of a targeting from the live run, with
 * P10/P50/P90 and the contending campaigns; the same request and answer as `avails query --json`.
 *
 * @example
 * const route = availsRoute(ctx); // GET /v1/avails?start=2026-12-01&end=2026-12-14&geo=SE,NO
 */
export function availsRoute(ctx: ServeContext): RouteSpec {
  const schema = availsQuerySchema(ctx.config);
  const dimensions = ctx.config.dimensions.map((d) => d.name);
  const lists = new Set(dimensions);
  return {
    method: "GET",
    url: "/v1/avails",
    role: "viewer",
    tag: "avails",
    summary: "Avails of a targeting",
    description:
      "Matched, booked, available and possible impressions of a targeting over the days asked, by hour, day or week, " +
      "each with its mean and P10/P50/P90 over the live forecast run's sample paths, and the campaigns that contend " +
      "for it. Target a dimension with its name as a parameter and comma-separated values (`geo=SE,NO`).",
    query: schema,
    responses: { 200: { description: "the avails", schema: availsReportSchema } },
    async handler(request, reply) {
      const live = ctx.live.current();
      if (live === null) throw noRun();
      return sendCached(request, reply, ctx.caches.avails, live.info.id, async () => {
        const query = parseQuery(schema, request.query, lists);
        const targeting: Record<string, string[]> = {};
        for (const d of dimensions) {
          const value = (query as Record<string, unknown>)[d];
          if (typeof value === "string") targeting[d] = value.split(",");
        }
        const context = await ctx.live.availsContext();
        if (context === null) throw noRun();
        try {
          return answerAvails(context, {
            start: query.start,
            end: query.end,
            granularity: query.granularity,
            priority: query.priority,
            breakdown: query.breakdown,
            targeting,
            safetyQuantile: ctx.config.safetyQuantile,
          });
        } catch (error) {
          throw targetingProblem(error as Error, dimensions);
        }
      });
    },
  };
}

/** No run to answer from: 503, the way a load balancer reads "not ready". */
export function noRun(): HttpProblem {
  return new HttpProblem(
    503,
    "no published forecast run yet: run `avails forecast` and publish it",
    undefined,
    {
      "retry-after": "60",
    },
  );
}

/** A query error naming the dimension parameter (`geo`) rather than the module's `targeting`. */
function targetingProblem(error: Error, dimensions: readonly string[]): HttpProblem {
  const problem = fieldProblem(error);
  if (problem.field === undefined || !problem.field.startsWith("targeting")) return problem;
  const named =
    problem.field.split(".")[1] ??
    dimensions.find((d) => error.message.includes(`${d}=`) || error.message.includes(`"${d}"`));
  return new HttpProblem(400, error.message, named ?? "targeting");
}
