import { z } from "zod";

/**
 * A campaign as the API shows it. Bodies are checked by `validateCampaign` (the CLI's check, which names the
 * field), not by this schema: it documents the fields and lets fields the store adds later through.
 */
export const campaignSchema = z
  .looseObject({
    id: z.string().meta({ description: "unique id, 1-128 characters without spaces" }),
    name: z.string(),
    advertiser: z.string().nullable().optional(),
    targeting: z
      .record(z.string(), z.array(z.string()))
      .meta({ description: "dimension → values; a dimension left out means all", example: { geo: ["SE"] } }),
    start: z.string().meta({ description: "first flight day, YYYY-MM-DD" }),
    end: z.string().meta({ description: "last flight day, inclusive" }),
    priority: z.enum(["guaranteed", "standard", "house"]),
    pacing: z.string().optional().meta({ description: "even (default) or asap" }),
    goal_impressions: z.number().int().min(1),
    cpm_micros: z.number().int().min(0).nullable().optional(),
  })
  .meta({ id: "Campaign" });

/** GET /v1/campaigns/:id and DELETE's path. */
export const campaignParamsSchema = z.strictObject({ id: z.string().min(1) });

/** The query of POST /v1/campaigns: the booking guard's options, as `avails campaigns add` takes them. */
export const bookingQuerySchema = z.strictObject({
  force: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: book it even if it does not fit or cannot be checked (logged as forced)" }),
  confidence: z.coerce
    .number()
    .gt(0)
    .lt(100)
    .optional()
    .meta({ description: "book against this confidence of available, percent: 80 (default) = P20" }),
});
