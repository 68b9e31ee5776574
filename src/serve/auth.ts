import type { FastifyRequest } from "fastify";
import type { Role } from "../store/api-tokens.js";
import { HttpProblem } from "./problem.js";
import type { RateLimiter } from "./rate-limit.js";
import { roleAllows, type TokenVerifier } from "./tokens.js";

const CHALLENGE = 'Bearer realm="avails"';

/**
 * Checks a request's bearer token for a route that needs `role`, then the token's rate limit: 401 without a
 * token or with one that is not live, 403 when its role may not, 429 past its limit. Returns the token's id.
 *
 * @example
 * authorize(request, "planner", verifier, limiter); // throws HttpProblem(403, ...) for a viewer's token
 */
export function authorize(
  request: FastifyRequest,
  role: Role,
  verifier: TokenVerifier,
  limiter: RateLimiter,
): string {
  const header = request.headers.authorization;
  if (header === undefined || header === "") {
    throw new HttpProblem(
      401,
      "authorization: no bearer token (Authorization: Bearer <token>)",
      "authorization",
      {
        "www-authenticate": CHALLENGE,
      },
    );
  }
  const match = /^Bearer +(\S+) *$/i.exec(header);
  const token = match === null ? null : verifier.verify(match[1]);
  if (token === null) {
    throw new HttpProblem(
      401,
      "authorization: not a live token (unknown, malformed or revoked)",
      "authorization",
      {
        "www-authenticate": `${CHALLENGE}, error="invalid_token"`,
      },
    );
  }
  if (!roleAllows(token.role, role)) {
    throw new HttpProblem(
      403,
      `authorization: token ${token.id} has the role ${token.role}; ${request.method} ${request.routeOptions.url} needs ${role}`,
      "authorization",
    );
  }
  const decision = limiter.take(token.id, performance.now());
  if (!decision.allowed) {
    throw new HttpProblem(
      429,
      `token ${token.id} is past its rate limit of ${limiter.rate} requests per second`,
      "authorization",
      { "retry-after": String(decision.retryAfter) },
    );
  }
  return token.id;
}
