import type { Redis } from "ioredis";

/** The sorted set of forecast queues with work, scored by their coordinator's last heartbeat (Redis time, ms). */
export const QUEUE_REGISTRY_KEY = "avails:forecast-queues";

/** A queue whose coordinator has not beaten for this long is left alone by workers (its coordinator died). */
export const QUEUE_HEARTBEAT_TTL_MS = 60_000;

/** Redis' own clock in ms, so that coordinators and workers on different machines agree. */
async function redisNow(client: Redis): Promise<number> {
  const [seconds, micros] = await client.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/**
 * Announces (or keeps announcing) a forecast queue to the workers: call it on every poll while the run waits.
 *
 * @example await announceQueue(client, "avails-forecast-m1x2-ab12cd34");
 */
export async function announceQueue(client: Redis, name: string): Promise<void> {
  await client.zadd(QUEUE_REGISTRY_KEY, await redisNow(client), name);
}

/**
 * Withdraws a queue: workers stop listening to it.
 *
 * @example await withdrawQueue(client, name);
 */
export async function withdrawQueue(client: Redis, name: string): Promise<void> {
  await client.zrem(QUEUE_REGISTRY_KEY, name);
}

/**
 * The queues announced within the heartbeat TTL, oldest first.
 *
 * @example for (const name of await liveQueues(client)) listen(name);
 */
export async function liveQueues(client: Redis): Promise<string[]> {
  const now = await redisNow(client);
  return client.zrangebyscore(QUEUE_REGISTRY_KEY, now - QUEUE_HEARTBEAT_TTL_MS, "+inf");
}
