import { readToken } from "./token.js";

/** An answer of the API other than 2xx: its status and the problem's detail and field (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

const RETRIES = 2;
const MAX_WAIT_SECONDS = 5;

/**
 * GETs a path of the API with the tab's bearer token and parses the JSON answer; a problem answer throws an
 * ApiError with its detail (`start: expected a date ...`). A 503 or 429 with a short Retry-After is tried again
 * after that wait, twice at most.
 *
 * @example
 * const levels = await apiGet<LevelsAnswer>("/v1/levels");
 */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const token = readToken();
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  let response = await fetch(path, { headers, signal });
  // A shed request (503) or one past the rate limit (429) says when to come back: wait that long (up to 5 s)
  // and try again, twice at most, before showing the problem.
  for (let retry = 0; retry < RETRIES && (response.status === 503 || response.status === 429); retry++) {
    const seconds = Number(response.headers.get("retry-after"));
    if (!(seconds >= 0 && seconds <= MAX_WAIT_SECONDS)) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(seconds * 1000, 200)));
    if (signal?.aborted) break;
    response = await fetch(path, { headers, signal });
  }
  const text = await response.text();
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    let field: string | null = null;
    try {
      const problem = JSON.parse(text) as { detail?: string; field?: string };
      if (problem.detail) detail = problem.detail;
      field = problem.field ?? null;
    } catch {
      // Not a problem document: the status line says enough.
    }
    throw new ApiError(response.status, detail, field);
  }
  return (/json/.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : text) as T;
}
