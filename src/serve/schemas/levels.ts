import { z } from "zod";

/** The answer of GET /v1/levels: what the live run forecasts, for pickers (dashboard, scripts). */
export const levelsAnswerSchema = z
  .object({
    run_id: z.string(),
    time_zone: z.string().meta({ description: "the reporting time zone days are cut in" }),
    first_hour: z.string().meta({ description: "the run's first forecast hour, ISO 8601 UTC" }),
    hours: z.number().int().meta({ description: "the run's horizon in hours" }),
    start: z.string().meta({ description: "first whole forecast day, YYYY-MM-DD (a valid `start`)" }),
    end: z.string().meta({ description: "last whole forecast day, YYYY-MM-DD (a valid `end`)" }),
    levels: z.array(
      z.object({
        name: z.string(),
        dimensions: z.array(z.string()),
        keys: z.array(z.string()).meta({ description: "series keys as /v1/forecasts takes them" }),
      }),
    ),
    dimensions: z.array(
      z.object({
        name: z.string(),
        values: z.array(z.string()).meta({ description: "values forecast, sorted; /v1/avails targets them" }),
      }),
    ),
  })
  .meta({ id: "LevelsAnswer" });

export type LevelsAnswer = z.infer<typeof levelsAnswerSchema>;
