import { z } from "zod";
import type { RouteSpec } from "./route-spec.js";
import { problemSchema } from "./schemas/common.js";

/** Why each problem status can come back, for the document. */
const PROBLEMS: Record<number, string> = {
  400: "a parameter or body field is wrong; `field` names it",
  401: "no bearer token, or not a live one",
  403: "the token's role may not do this",
  404: "no such resource",
  413: "the body is larger than the configured limit",
  429: "past the token's rate limit; Retry-After says when to try again",
  503: "the server is overloaded (load shedding) or has no forecast run yet; Retry-After says when to try again",
};

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema; schemas with an id (`.meta({ id })`) go to `components` once and are referred
 * to from everywhere else.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: JsonSchema = {}): JsonSchema {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  const json = JSON.parse(
    JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as JsonSchema;
  delete json.$schema;
  const defs = json.$defs as Record<string, JsonSchema> | undefined;
  delete json.$defs;
  if (defs !== undefined) Object.assign(components, defs);
  return json;
}

/** Query or path parameters of an object schema, one OpenAPI parameter each. */
function parameters(schema: z.ZodType | undefined, place: "query" | "path"): JsonSchema[] {
  // Parameters are flat: nothing of theirs goes to components.
  if (schema === undefined) return [];
  const json = schemaOf(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: place,
      required: place === "path" || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

/**
 * The OpenAPI 3.1 document of the routes, from the same zod schemas the server checks requests with and
 * answers by; problem responses follow from each route's role and inputs.
 *
 * @example
 * const doc = openApiDocument(routes, "0.1.0"); // doc.paths["/v1/avails"].get
 */
export function openApiDocument(routes: readonly RouteSpec[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const components: JsonSchema = {};
  // Problem has an id: this puts it in components.
  schemaOf(problemSchema, "output", components);
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, "{$1}");
    const responses: Record<string, JsonSchema> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const type = response.contentType ?? "application/json";
      responses[status] = {
        description: response.description,
        ...(response.schema === undefined
          ? {}
          : { content: { [type]: { schema: schemaOf(response.schema, "output", components) } } }),
      };
    }
    const problems = new Set<number>([503]);
    if (route.query || route.params || route.body) problems.add(400);
    if (route.role !== null) for (const s of [401, 403, 429]) problems.add(s);
    if (route.body) problems.add(413);
    for (const status of [...problems].sort()) {
      const existing = responses[status] as { description?: string } | undefined;
      responses[status] = {
        description: existing?.description ?? PROBLEMS[status],
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      };
    }
    for (const status of Object.keys(responses)) {
      if (Number(status) >= 400 && responses[status].content === undefined) {
        responses[status].content = {
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
        };
      }
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.description === undefined ? {} : { description: route.description }),
      ...(route.role === null ? { security: [] } : { "x-role": route.role }),
      parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              description: route.body.description,
              content: {
                [route.body.contentType]: route.body.schema
                  ? { schema: schemaOf(route.body.schema, "input", components) }
                  : {},
              },
            },
          }),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "avails API",
      version,
      description:
        "Ad inventory forecasts, avails and campaigns. Send `Authorization: Bearer <token>` (from `avails tokens " +
        "create --role viewer|planner|admin`): reads need viewer, campaign writes planner, ingest admin. Errors " +
        "are application/problem+json (RFC 9457) naming the field at fault.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: components,
    },
    security: [{ bearer: [] }],
    paths,
  };
}
