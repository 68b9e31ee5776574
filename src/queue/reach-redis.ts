import { Redis } from "ioredis";
import { type QueueUrl, redisOptions } from "./queue-url.js";

/**
 * Connects to the queue's Redis once, without retries, and resolves with a client for long use (reconnecting
 * after a blip, each command retried once) when it answers PING; rejects with an error naming `flag` and the
 * address when it does not (refused, unknown host, timeout, wrong password), rather than retrying for ever as a
 * queue connection would.
 *
 * @example const client = await reachRedis(parseQueueUrl("redis://127.0.0.1:6379"));
 */
export async function reachRedis(url: QueueUrl, flag = "--queue", timeoutMs = 5_000): Promise<Redis> {
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError: Error | undefined;
  client.on("error", (error: Error) => {
    lastError = error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = (lastError ?? (error as Error)).message;
    throw new Error(`${flag}: cannot reach Redis at ${url.display}: ${reason}`);
  } finally {
    client.disconnect();
  }
  const lasting = new Redis({ ...redisOptions(url), maxRetriesPerRequest: 1 });
  // Errors reach the commands that meet them; unheard, the event would crash the process.
  lasting.on("error", () => undefined);
  return lasting;
}
