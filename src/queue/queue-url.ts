/** Where a forecast queue lives: a Redis server and database. */
export interface QueueUrl {
  readonly host: string;
  readonly port: number;
  /** The Redis database number (`/DB`), 0 by default. */
  readonly db: number;
  /** `rediss://`: TLS. */
  readonly tls: boolean;
  readonly username?: string;
  readonly password?: string;
  /** The URL without its password, for messages. */
  readonly display: string;
}

const USAGE = "redis://HOST:PORT[/DB]";

/**
 * Parses `redis://[USER:PASSWORD@]HOST[:PORT][/DB]` (or `rediss://` for TLS); port 6379 and database 0 by
 * default. Anything else is an error naming `flag`.
 *
 * @example parseQueueUrl("redis://10.0.0.5:6379/2").db // 2
 */
export function parseQueueUrl(text: string, flag = "--queue"): QueueUrl {
  const bad = (why: string) => new Error(`${flag}: "${text}" ${why} (expected ${USAGE})`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad("is not a URL");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw bad(`has scheme ${url.protocol}`);
  if (url.hostname === "") throw bad("has no host");
  if (url.search !== "" || url.hash !== "") throw bad("has a query or fragment");
  const port = url.port === "" ? 6379 : Number(url.port);
  if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) throw bad("has no valid port");
  const path = url.pathname.replace(/^\//, "");
  if (path !== "" && !/^\d{1,5}$/.test(path)) throw bad(`has path /${path}, not a database number`);
  const db = path === "" ? 0 : Number(path);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const username = url.username === "" ? undefined : decodeURIComponent(url.username);
  const password = url.password === "" ? undefined : decodeURIComponent(url.password);
  const auth = username === undefined ? "" : `${username}${password === undefined ? "" : ":***"}@`;
  return {
    host,
    port,
    db,
    tls: url.protocol === "rediss:",
    username,
    password,
    display: `${url.protocol}//${auth}${url.host}/${db}`,
  };
}

/**
 * ioredis / BullMQ connection options for the URL.
 *
 * @example new Redis(redisOptions(parseQueueUrl("redis://10.0.0.5:6379/2"))) // host 10.0.0.5, port 6379, db 2
 */
export function redisOptions(url: QueueUrl) {
  return {
    host: url.host,
    port: url.port,
    db: url.db,
    ...(url.username === undefined ? {} : { username: url.username }),
    ...(url.password === undefined ? {} : { password: url.password }),
    ...(url.tls ? { tls: {} } : {}),
  };
}
