import { z } from "zod";

/** The query of GET /v1/accuracy. */
export const accuracyQuerySchema = z.strictObject({
  level: z.string().min(1).optional().meta({ description: "only this level (total, geo, geo_device...)" }),
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(366)
    .optional()
    .meta({ description: "days of closed hours to score; default the config's monitor.windowDays" }),
});

/** A figure that is null where it cannot be computed (no actuals, no points). */
const figure = z.number().nullable();

const figures = {
  level: z.string(),
  horizon: z.string(),
  points: z.number(),
  actual: z.number(),
  wape: figure,
  mape: figure,
  mase: figure,
  bias: figure,
  coverage80: figure,
  coverage95: figure,
};

/** The answer of GET /v1/accuracy: `avails accuracy --json`, figures that cannot be computed as null. */
export const accuracyAnswerSchema = z
  .object({
    window: z.object({ from: z.string(), closedBefore: z.string(), days: z.number() }),
    cells: z.array(
      z.object({
        ...figures,
        coverage80StandardError: figure.meta({
          description:
            "standard error of coverage80 with the days as clusters; null with fewer than two days",
        }),
        coverage95StandardError: figure.meta({ description: "the same for coverage95" }),
      }),
    ),
    days: z.array(z.object({ ...figures, day: z.string() })),
    rollingMape: z.array(z.object({ level: z.string(), mape: figure, series: z.number() })),
    alarms: z.array(
      z.object({
        kind: z.enum(["bias", "coverage"]),
        level: z.string(),
        key: z.string().nullable(),
        value: z.number(),
        hours: z.number(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: "AccuracyAnswer" });
