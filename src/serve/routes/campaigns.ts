import { z } from "zod";
import { type BookingResult, bookCampaigns } from "../../pacing/book-campaigns.js";
import { validateCampaign } from "../../store/validate-campaign.js";
import { parseQuery } from "../parse-query.js";
import { fieldProblem, HttpProblem } from "../problem.js";
import type { RouteSpec } from "../route-spec.js";
import { bookingQuerySchema, campaignParamsSchema, campaignSchema } from "../schemas/campaign.js";
import type { ServeContext } from "../serve-context.js";

/**
 * The campaign routes: list and show (viewer), book and remove (planner). Bookings go through the CLI's
 * `validateCampaign` and booking guard (`bookCampaigns`), so the API takes what `avails campaigns add` takes,
 * names the same fields and refuses the same overbookings; a booking or removal makes the next avails query
 * allocate the campaigns again.
 *
 * @example
 * const routes = campaignRoutes(ctx); // GET /v1/campaigns, GET /v1/campaigns/:id, POST /v1/campaigns, DELETE /v1/campaigns/:id
 */
export function campaignRoutes(ctx: ServeContext): RouteSpec[] {
  const changed = () => {
    ctx.live.campaignsChanged();
    ctx.caches.avails.clear();
  };
  return [
    {
      method: "GET",
      url: "/v1/campaigns",
      role: "viewer",
      tag: "campaigns",
      summary: "Booked campaigns",
      responses: {
        200: { description: "every campaign, by start day then id", schema: z.array(campaignSchema) },
      },
      async handler(request) {
        parseQuery(z.strictObject({}), request.query);
        return ctx.reader.listCampaigns();
      },
    },
    {
      method: "GET",
      url: "/v1/campaigns/:id",
      role: "viewer",
      tag: "campaigns",
      summary: "One campaign",
      params: campaignParamsSchema,
      responses: {
        200: { description: "the campaign", schema: campaignSchema },
        404: { description: "no such campaign" },
      },
      async handler(request) {
        const { id } = parseQuery(campaignParamsSchema, request.params);
        const campaign = await ctx.reader.getCampaign(id);
        if (campaign === null) throw new HttpProblem(404, `no campaign "${id}"`, "id");
        return campaign;
      },
    },
    {
      method: "POST",
      url: "/v1/campaigns",
      role: "planner",
      tag: "campaigns",
      summary: "Book a campaign",
      description:
        "The body is one campaign as JSON, as `avails campaigns add` and campaigns.json take it. A field that is " +
        "wrong is named in the problem's `field` (`body.goal_impressions`); an id already booked is 409. A " +
        "guaranteed campaign goes through the booking guard as `avails campaigns add` does: booked against P20 of " +
        "available by default (`confidence`), refused with 409 and the guard's figures (`booking`: shortfall per " +
        "day, contending campaigns) when it does not fit, unless `force=true`.",
      query: bookingQuerySchema,
      body: { contentType: "application/json", description: "the campaign", schema: campaignSchema },
      responses: {
        201: { description: "booked; Location names it", schema: campaignSchema },
        409: { description: "a campaign with this id is booked already, or the booking guard refused it" },
      },
      async handler(request, reply) {
        const body = request.body;
        if (typeof body !== "object" || body === null || Array.isArray(body)) {
          throw new HttpProblem(400, "body: expected one campaign as a JSON object", "body");
        }
        const options = parseQuery(bookingQuerySchema, request.query);
        let result: BookingResult;
        try {
          const campaign = validateCampaign(body as Record<string, unknown>, ctx.config);
          result = await ctx.writes.run(() =>
            bookCampaigns(ctx.store, ctx.config, {
              action: "add",
              campaigns: [campaign],
              force: options.force === "true",
              confidence: options.confidence,
            }),
          );
        } catch (error) {
          const message = (error as Error).message;
          if (/already stored/.test(message)) throw new HttpProblem(409, message, "body.id");
          const problem = fieldProblem(error as Error, "body.");
          // A store or database failure that names no field is the server's, not the request's.
          if (problem.field === undefined) throw error;
          throw problem;
        }
        const [{ campaign, decision, check }] = result.outcomes;
        if (!result.stored) {
          throw new HttpProblem(
            409,
            `booking refused: ${campaign.id}: ${check.reason}; nothing stored (force=true books it anyway)`,
            "body",
            {},
            { booking: { decision, ...check } },
          );
        }
        changed();
        return reply
          .code(201)
          .header("location", `/v1/campaigns/${encodeURIComponent(campaign.id)}`)
          .send({ ...campaign, booking: { decision, ...check } });
      },
    },
    {
      method: "DELETE",
      url: "/v1/campaigns/:id",
      role: "planner",
      tag: "campaigns",
      summary: "Remove a campaign",
      params: campaignParamsSchema,
      responses: { 204: { description: "removed" }, 404: { description: "no such campaign" } },
      async handler(request, reply) {
        const { id } = parseQuery(campaignParamsSchema, request.params);
        const removed = await ctx.writes.run(() => ctx.store.removeCampaign(id));
        if (!removed) throw new HttpProblem(404, `no campaign "${id}"`, "id");
        changed();
        return reply.code(204).send();
      },
    },
  ];
}
