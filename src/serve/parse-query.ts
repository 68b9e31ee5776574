import type { z } from "zod";
import { HttpProblem } from "./problem.js";

/**
 * Checks a request's query parameters (or path parameters) against a zod schema; the first problem becomes a
 * 400 naming the parameter. Parameters named in `lists` may be repeated (`geo=SE&geo=NO` is `geo=SE,NO`);
 * any other given twice is an error.
 *
 * @example
 * const q = parseQuery(forecastQuerySchema, request.query); // throws HttpProblem(400, "level: ...", "level")
 */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: unknown,
  lists: ReadonlySet<string> = new Set(),
): z.infer<S> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      if (!lists.has(name)) throw new HttpProblem(400, `${name}: given more than once`, name);
      flat[name] = value.join(",");
    } else {
      flat[name] = String(value);
    }
  }
  const result = schema.safeParse(flat);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const name = issue.keys[0];
    throw new HttpProblem(400, `${name}: not a parameter of this endpoint`, name);
  }
  const name = issue.path.map(String).join(".") || "(query)";
  const got = flat[name];
  const message =
    issue.code === "invalid_type" && got === undefined
      ? "required"
      : issue.message.replace(/^Invalid option: /, "");
  throw new HttpProblem(400, `${name}: ${message}${got === undefined ? "" : `, got "${got}"`}`, name);
}
