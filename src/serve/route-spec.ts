import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Role } from "../store/api-tokens.js";

/** One response of a route, for the OpenAPI document. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

/**
 * A route of the API: what the server registers and what the OpenAPI document describes, from one place.
 * Problem responses (400, 401, 403, 429, 503...) are added to the document from `role` and the inputs.
 */
export interface RouteSpec {
  method: "GET" | "POST" | "DELETE";
  /** Fastify's pattern, `/v1/campaigns/:id`. */
  url: string;
  /** The least role that may call it; null for public routes (health, metrics, the reference). */
  role: Role | null;
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodType;
  params?: z.ZodType;
  body?: { contentType: string; description: string; schema?: z.ZodType };
  responses: Record<number, ResponseSpec>;
  /** Exempt from load shedding (liveness and metrics must answer when the server is busy). */
  neverShed?: boolean;
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}
