import { z } from "zod";
import type { ForecastAnswer } from "../answer-forecast.js";
import { dateParam } from "./avails.js";

/** The query of GET /v1/forecasts. */
export const forecastQuerySchema = z.strictObject({
  level: z.string().min(1).meta({ description: "a level of the hierarchy (total, geo, geo_device...)" }),
  key: z
    .string()
    .min(1)
    .default("total")
    .meta({ description: "series key as the cube writes it: total, geo=SE, geo=SE|device=mobile" }),
  granularity: z.enum(["hour", "day", "week"]).default("day"),
  start: dateParam.meta({ description: "first day, reporting time zone" }),
  end: dateParam.meta({ description: "last day, inclusive" }),
});

const interval = z.object({
  start: z.string(),
  end: z.string(),
  mean: z.number(),
  p025: z.number(),
  p10: z.number(),
  p50: z.number(),
  p90: z.number(),
  p975: z.number(),
  actual: z.number().nullable(),
  complete: z.boolean(),
});

/** The answer of GET /v1/forecasts. */
export const forecastAnswerSchema = z
  .object({
    run_id: z.string(),
    level: z.string(),
    key: z.string(),
    granularity: z.enum(["hour", "day", "week"]),
    start: z.string(),
    end: z.string(),
    measure: z.literal("opportunities"),
    intervals: z.array(interval),
  })
  .meta({ id: "ForecastAnswer" });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: Same<z.infer<typeof forecastAnswerSchema>, ForecastAnswer> = true;
void agrees;
