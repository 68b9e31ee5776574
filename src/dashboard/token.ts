const KEY = "avails.token";

/**
 * The API token kept for this browser tab (sessionStorage: gone when the tab closes), or null.
 *
 * @example
 * const token = readToken(); // "avails_3f9a2c1e_..." or null
 */
export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/**
 * Keeps a token for this tab, or forgets it (null).
 *
 * @example
 * saveToken(null); // signs out
 */
export function saveToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token);
}
