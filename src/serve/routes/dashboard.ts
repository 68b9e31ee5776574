import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseQuery } from "../parse-query.js";
import { HttpProblem } from "../problem.js";
import type { RouteSpec } from "../route-spec.js";

/** Where `npm run build` writes the dashboard: dist/dashboard of the package (this file is 3 folders down). */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL("../../../dist/dashboard/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

/** Asset names Vite writes (`index-BdX3_1.js`): no folders, so no way out of the assets folder. */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*\.(js|css|svg|png|map)$/;

const assetParamsSchema = z.strictObject({
  file: z.string().regex(ASSET_NAME, { error: "not an asset name" }),
});

/**
 * GET / and GET /assets/:file: the dashboard's static files, built by Vite into `dir`. The page itself needs
 * no token (it asks for one and sends it to the API); assets are named by their hash, so they are cached for
 * good, and the page is revalidated. Files are read once and kept in memory (the build is ~80 kB), so they
 * are never shed: a busy server still serves the page, whose API calls retry after Retry-After.
 *
 * @example
 * const routes = dashboardRoutes(DEFAULT_DASHBOARD_DIR); // GET /, GET /assets/index-BdX3_1.js
 */
export function dashboardRoutes(dir: string): RouteSpec[] {
  const files = new Map<string, Buffer>();
  async function read(path: string, what: string): Promise<Buffer> {
    let body = files.get(path);
    if (body === undefined) {
      try {
        body = await readFile(join(dir, path));
      } catch {
        throw new HttpProblem(404, what);
      }
      files.set(path, body);
    }
    return body;
  }
  return [
    {
      method: "GET",
      url: "/",
      role: null,
      tag: "dashboard",
      summary: "The dashboard (HTML)",
      neverShed: true,
      description:
        "Overview, explore, avails, campaigns and accuracy pages over this API; the page asks for a viewer token.",
      responses: { 200: { description: "HTML", contentType: "text/html" } },
      async handler(_request, reply) {
        const body = await read(
          "index.html",
          `the dashboard is not built (no index.html in ${dir}): run \`npm run build\``,
        );
        return reply.type(TYPES[".html"]).header("cache-control", "no-cache").send(body);
      },
    },
    {
      method: "GET",
      url: "/assets/:file",
      role: null,
      tag: "dashboard",
      summary: "The dashboard's scripts and styles",
      neverShed: true,
      params: assetParamsSchema,
      responses: { 200: { description: "a static file" }, 404: { description: "no such file" } },
      async handler(request, reply) {
        const { file } = parseQuery(assetParamsSchema, request.params);
        const body = await read(join("assets", file), `no dashboard asset "${file}"`);
        return reply
          .type(TYPES[extname(file)])
          .header("cache-control", "public, max-age=31536000, immutable")
          .send(body);
      },
    },
  ];
}
