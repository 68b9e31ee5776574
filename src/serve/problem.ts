/** The problem types of the API: each status's short title (RFC 9457 `title`). */
const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** An RFC 9457 problem details object, with the field that was wrong when there is one. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** The request field at fault: a query parameter, `body.<field>`, `line <n>`, a header. */
  field?: string;
}

/** An error that becomes an `application/problem+json` response; `headers` go with it (Retry-After). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
    /** Extension members of the problem body (RFC 9457 section 3.2), e.g. a refused booking's figures. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** The media type of problem responses. */
export const PROBLEM_TYPE = "application/problem+json";

/**
 * The problem details body of a status; `type` points at the server's own reference page, where each status
 * is explained.
 *
 * @example
 * problemBody(404, 'no campaign "c9"', "/v1/campaigns/c9"); // { type: "/docs#problem-404", title: "Not Found", status: 404, ... }
 */
export function problemBody(
  status: number,
  detail: string,
  instance?: string,
  field?: string,
): ProblemDetails {
  return {
    type: `/docs#problem-${status}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(instance === undefined ? {} : { instance }),
    ...(field === undefined ? {} : { field }),
  };
}

/**
 * A 400 problem from a module's error message: modules name the bad field first (`start: ...`,
 * `targeting.geo: ...`); the field is taken from there and prefixed (`query.` or `body.`) when asked.
 *
 * @example
 * fieldProblem(new Error("end: 2026-12-01 is before the start 2026-12-02")).field; // "end"
 */
export function fieldProblem(error: Error, prefix = "", status = 400): HttpProblem {
  const match = /^([A-Za-z_][\w.[\]-]*): /.exec(error.message);
  const field = match === null ? undefined : `${prefix}${match[1]}`;
  return new HttpProblem(status, error.message, field);
}
