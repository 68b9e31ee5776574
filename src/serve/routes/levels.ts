import { z } from "zod";
import { forecastLevels } from "../forecast-levels.js";
import { parseQuery } from "../parse-query.js";
import type { RouteSpec } from "../route-spec.js";
import { levelsAnswerSchema } from "../schemas/levels.js";
import type { ServeContext } from "../serve-context.js";
import { noRun } from "./avails.js";

/**
 * GET /v1/levels: what the live run forecasts — its levels and their series keys, each dimension's values and
 * the whole days of its horizon — so a client can offer them without knowing the config.
 *
 * @example
 * const route = levelsRoute(ctx); // GET /v1/levels → { run_id, start, end, levels: [{ name, keys }], ... }
 */
export function levelsRoute(ctx: ServeContext): RouteSpec {
  // One answer per live run: the hierarchy does not change within a run.
  let cached: { runId: string; body: string } | null = null;
  return {
    method: "GET",
    url: "/v1/levels",
    role: "viewer",
    tag: "forecasts",
    summary: "Levels, series keys and days of the live run",
    description:
      "The live run's levels with their series keys (as /v1/forecasts takes them), the values of each dimension " +
      "(as /v1/avails targets them), its first hour, horizon, and first and last whole days in the reporting " +
      "time zone.",
    query: z.strictObject({}),
    responses: { 200: { description: "the live run's levels", schema: levelsAnswerSchema } },
    async handler(request, reply) {
      parseQuery(z.strictObject({}), request.query);
      const live = ctx.live.current();
      if (live === null) throw noRun();
      if (cached?.runId !== live.info.id) {
        cached = {
          runId: live.info.id,
          body: JSON.stringify(forecastLevels(live.forecast, ctx.config.timeZone)),
        };
      }
      return reply.type("application/json; charset=utf-8").send(cached.body);
    },
  };
}
