import { z } from "zod";
import type { Config } from "../../config/schema.js";
import type { AvailsReport } from "../../pacing/avails.js";

/** A day of the reporting time zone. */
export const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date (YYYY-MM-DD)" })
  .meta({ example: "2026-12-01" });

/**
 * The query of GET /v1/avails, as `avails query` takes it: the days, the granularity, the planned booking's
 * priority, the breakdown, and one parameter per configured dimension with comma-separated values.
 *
 * @example
 * availsQuerySchema(config).parse({ start: "2026-12-01", end: "2026-12-14", geo: "SE,NO" });
 */
export function availsQuerySchema(config: Config) {
  const dimensions = Object.fromEntries(
    config.dimensions.map((d) => [
      d.name,
      z
        .string()
        .min(1, { error: "expected comma-separated values" })
        .optional()
        .meta({ description: `${d.name} values to target, comma-separated (e.g. ${exampleValue(d.name)})` }),
    ]),
  );
  return z.strictObject({
    start: dateParam.meta({ description: "first day, reporting time zone" }),
    end: dateParam.meta({ description: "last day, inclusive" }),
    granularity: z
      .enum(["hour", "day", "week"])
      .default("day")
      .meta({ description: "intervals of the answer" }),
    priority: z
      .enum(["guaranteed", "standard", "house"])
      .default("guaranteed")
      .meta({ description: "priority of the booking you plan: sets what `possible` keeps" }),
    breakdown: z.stringbool().default(false).meta({ description: "add the figures by each targeted value" }),
    ...dimensions,
  });
}

function exampleValue(dimension: string): string {
  return dimension === "geo" ? "SE,NO" : dimension === "device" ? "mobile,desktop" : "music";
}

const distribution = z
  .object({ mean: z.number(), p10: z.number(), p50: z.number(), p90: z.number() })
  .meta({ description: "mean, P10/P50/P90, and the safety quantile's key (p20) when one is configured" });
const figures = {
  matched: distribution,
  booked: distribution,
  available: distribution,
  possible: distribution,
};
const priority = z.enum(["guaranteed", "standard", "house"]);

/** The answer of GET /v1/avails: `avails query --json`'s object. */
export const availsReportSchema = z
  .object({
    start: z.string(),
    end: z.string(),
    granularity: z.enum(["hour", "day", "week"]),
    targeting: z.record(z.string(), z.array(z.string())),
    priority,
    intervals: z.array(z.object({ start: z.string(), end: z.string(), ...figures })),
    total: z.object(figures),
    contending: z.array(z.object({ campaign_id: z.string(), priority, impressions: z.number() })),
    breakdown: z.array(z.object({ dimension: z.string(), value: z.string(), ...figures })).optional(),
    safety: z
      .object({ quantile: z.number(), key: z.templateLiteral(["p", z.number()]) })
      .optional()
      .meta({
        description: "the configured safety quantile avails are sold from, and its key in each figure",
      }),
    run_id: z.string(),
  })
  .meta({ id: "AvailsReport" });

// The schema and the module's type must agree both ways: tsc fails here when one changes without the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: Same<z.infer<typeof availsReportSchema>, AvailsReport> = true;
void agrees;
