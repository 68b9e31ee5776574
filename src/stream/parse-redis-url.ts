/** Where a Redis stream lives: the server, the database number and the stream key. */
export interface RedisStreamAddress {
  host: string;
  port: number;
  db: number;
  stream: string;
  password?: string;
  username?: string;
}

/**
 * Parses `redis://[user:password@]HOST[:PORT][/STREAM]` (or `redis://HOST:PORT/DB/STREAM`); an error names
 * `flag` and the text when the URL is not one.
 *
 * @example
 * parseRedisStreamUrl("redis://127.0.0.1:6379/events");
 * // { host: "127.0.0.1", port: 6379, db: 0, stream: "events" }
 */
export function parseRedisStreamUrl(text: string, flag = "--source"): RedisStreamAddress {
  const fail = (why: string) => new Error(`${flag}: "${text}" ${why} (expected redis://HOST:PORT/STREAM)`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail("is not a URL");
  }
  if (url.protocol !== "redis:") throw fail(`has scheme "${url.protocol.replace(/:$/, "")}", not redis`);
  if (url.hostname === "") throw fail("has no host");
  const port = url.port === "" ? 6379 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail("has no valid port");
  const parts = url.pathname.split("/").filter((part) => part !== "");
  let db = 0;
  if (parts.length === 2) {
    if (!/^\d+$/.test(parts[0])) throw fail(`has "${parts[0]}" where the database number goes`);
    db = Number(parts[0]);
    parts.shift();
  }
  if (parts.length !== 1)
    throw fail(parts.length === 0 ? "names no stream" : "has more than one stream name");
  const stream = decodeURIComponent(parts[0]);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port,
    db,
    stream,
    ...(url.password !== "" ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username !== "" ? { username: decodeURIComponent(url.username) } : {}),
  };
}
