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

/**
 * GETs a path of the API with the tab's bearer token and parses the JSON answer; a problem answer throws an
 * ApiError with its detail (`start: expected a date ...`).
 *
 * @example
 * const levels = await apiGet<LevelsAnswer>("/v1/levels");
 */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const token = readToken();
  const response = await fetch(path, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    signal,
  });
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
