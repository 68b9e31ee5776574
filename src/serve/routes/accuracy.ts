import { type LiveAccuracy, measureAccuracy } from "../../monitor/measure-accuracy.js";
import { parseQuery } from "../parse-query.js";
import { HttpProblem } from "../problem.js";
import type { RouteSpec } from "../route-spec.js";
import { accuracyAnswerSchema, accuracyQuerySchema } from "../schemas/accuracy.js";
import type { ServeContext } from "../serve-context.js";

const SCORE_EVERY_MS = 60_000;

/**
 * GET /v1/accuracy: the live accuracy of the published runs (`measureAccuracy`) by level and horizon, by day,
 * the rolling 7-day MAPE and the drift alarms; `level` keeps one level.
 *
 * @example
 * const route = accuracyRoute(ctx); // GET /v1/accuracy?level=geo&window=14
 */
export function accuracyRoute(ctx: ServeContext): RouteSpec {
  // Scoring joins every snapshot with the cube: one scoring per window serves every request for a minute.
  const recent = new Map<number, { at: number; live: Promise<LiveAccuracy | null> }>();
  const measure = (windowDays: number): Promise<LiveAccuracy | null> => {
    const now = Date.now();
    const hit = recent.get(windowDays);
    if (hit !== undefined && now - hit.at < SCORE_EVERY_MS) return hit.live;
    const live = measureAccuracy(ctx.reader, ctx.config, { windowDays });
    recent.set(windowDays, { at: now, live });
    live.catch(() => recent.delete(windowDays));
    return live;
  };
  return {
    method: "GET",
    url: "/v1/accuracy",
    role: "viewer",
    tag: "accuracy",
    summary: "Live accuracy and drift alarms",
    description:
      "WAPE, MAPE, MASE, bias and 80/95% coverage of the published runs' forecasts against the actuals of closed " +
      "hours, by level and horizon (hours 1-24, days 2-7, days 8+) and by day, the rolling 7-day MAPE per level, " +
      "and the drift alarms. Figures that cannot be computed (no actuals) are null. Scored at most once a minute per " +
      "window.",
    query: accuracyQuerySchema,
    responses: { 200: { description: "the live accuracy", schema: accuracyAnswerSchema } },
    async handler(request, reply) {
      const query = parseQuery(accuracyQuerySchema, request.query);
      const levels = ctx.config.levels.map((level) => level.name);
      if (query.level !== undefined && !levels.includes(query.level)) {
        throw new HttpProblem(400, `level: "${query.level}" is not a level (${levels.join(", ")})`, "level");
      }
      const live = await measure(query.window ?? ctx.config.monitor.windowDays);
      if (live === null) throw new HttpProblem(404, "the store holds no events yet: nothing to score");
      const keep = <T extends { level: string }>(rows: T[]) =>
        query.level === undefined ? rows : rows.filter((row) => row.level === query.level);
      // JSON has no NaN: figures that cannot be computed go out as null, as the schema says.
      const body = JSON.stringify({
        ...live,
        cells: keep(live.cells),
        days: keep(live.days),
        rollingMape: keep(live.rollingMape),
        alarms: keep(live.alarms),
      });
      return reply.type("application/json; charset=utf-8").send(body);
    },
  };
}
