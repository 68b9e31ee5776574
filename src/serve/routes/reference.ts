import { docsPage } from "../docs-page.js";
import type { RouteSpec } from "../route-spec.js";

/**
 * GET /openapi.json and GET /docs: the OpenAPI document and the reference page written from it. The document
 * is passed in as a function because it describes these routes too.
 *
 * @example
 * const routes = referenceRoutes(() => document);
 */
export function referenceRoutes(document: () => Record<string, unknown>): RouteSpec[] {
  let page: string | null = null;
  return [
    {
      method: "GET",
      url: "/openapi.json",
      role: null,
      tag: "reference",
      summary: "This API's OpenAPI 3.1 document",
      responses: { 200: { description: "the document" } },
      async handler() {
        return document();
      },
    },
    {
      method: "GET",
      url: "/docs",
      role: null,
      tag: "reference",
      summary: "This API's reference page",
      responses: { 200: { description: "HTML", contentType: "text/html" } },
      async handler(_request, reply) {
        page ??= docsPage(document());
        return reply.type("text/html; charset=utf-8").send(page);
      },
    },
  ];
}
