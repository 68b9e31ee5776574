import { addActuals, answerForecast } from "../answer-forecast.js";
import { parseQuery } from "../parse-query.js";
import type { RouteSpec } from "../route-spec.js";
import { forecastAnswerSchema, forecastQuerySchema } from "../schemas/forecast.js";
import { sendCached } from "../send-cached.js";
import type { ServeContext } from "../serve-context.js";
import { noRun } from "./avails.js";

/**
 * GET /v1/forecasts: one series' forecast from the live run (mean, 80% and 95% bands, median) by hour, day or
 * week, with the actuals the store has for those hours.
 *
 * @example
 * const route = forecastsRoute(ctx); // GET /v1/forecasts?level=geo&key=geo=SE&start=2026-12-01&end=2026-12-07
 */
export function forecastsRoute(ctx: ServeContext): RouteSpec {
  return {
    method: "GET",
    url: "/v1/forecasts",
    role: "viewer",
    tag: "forecasts",
    summary: "Forecast of one series, with actuals",
    description:
      "The live run's forecast of a series (a level and key of the hierarchy) over the days asked: the mean and " +
      "the 2.5/10/50/90/97.5% quantiles of each interval's summed sample paths, and the opportunities counted " +
      "so far for the same hours (`actual`, `complete` once the watermark has passed the interval).",
    query: forecastQuerySchema,
    responses: { 200: { description: "the forecast", schema: forecastAnswerSchema } },
    async handler(request, reply) {
      const live = ctx.live.current();
      if (live === null) throw noRun();
      return sendCached(request, reply, ctx.caches.forecasts, live.info.id, async () => {
        const query = parseQuery(forecastQuerySchema, request.query);
        const { answer, bounds } = answerForecast(live.forecast, ctx.config.timeZone, query);
        const slice = await ctx.reader.cube({
          level: query.level,
          measure: "opportunities",
          start: bounds[0],
          end: bounds[bounds.length - 1],
        });
        const k = slice.keys.indexOf(query.key);
        let count = 0;
        for (let i = 0; i < slice.keyIndex.length; i++) if (slice.keyIndex[i] === k) count++;
        const hours = new Float64Array(count);
        const values = new Float64Array(count);
        for (let i = 0, j = 0; i < slice.keyIndex.length; i++) {
          if (slice.keyIndex[i] !== k) continue;
          hours[j] = slice.hour[i];
          values[j++] = slice.value[i];
        }
        addActuals(answer, bounds, hours, values, ctx.watermark);
        return answer;
      });
    },
  };
}
