import { Redis } from "ioredis";
import { entryLine } from "./entry-line.js";
import { parseRedisStreamUrl } from "./parse-redis-url.js";
import { streamIdTime } from "./stream-id-time.js";
import type { StreamBatch, StreamEntry, StreamSource } from "./stream-source.js";

/** How a Redis stream is consumed. */
export interface RedisStreamOptions {
  /** Consumer group (created at the start of the stream when missing). */
  group: string;
  /** This consumer's name in the group; a restarted consumer with the same name re-reads its pending entries. */
  consumer: string;
  /** Entries per batch (XREADGROUP COUNT). */
  batchSize: number;
  /** How long a read waits for new entries (XREADGROUP BLOCK); 0 reads without waiting. */
  blockMs: number;
  /** The flag named in errors. Default `--source`. */
  flag?: string;
}

type XReadReply = [stream: string, entries: [id: string, fields: string[] | null][]][] | null;

/**
 * A Redis Streams source on a consumer group: on start it reads this consumer's pending entries (XREADGROUP
 * with id 0: delivered before, never acknowledged, as after a crash), then new ones (id `>`), and acknowledges
 * a batch with XACK after its store commit. The group is created at id 0 when missing (MKSTREAM), so a new
 * group reads the stream from its first entry.
 *
 * @example
 * const source = await openRedisStream("redis://127.0.0.1:6379/events", {
 *   group: "avails", consumer: "avails-1", batchSize: 1000, blockMs: 2000,
 * });
 * const batch = await source.read();
 * // ... store.ingest(batch) ...
 * await source.acknowledge(batch);
 */
export async function openRedisStream(url: string, options: RedisStreamOptions): Promise<StreamSource> {
  const flag = options.flag ?? "--source";
  const address = parseRedisStreamUrl(url, flag);
  const redis = new Redis({
    host: address.host,
    port: address.port,
    db: address.db,
    username: address.username,
    password: address.password,
    lazyConnect: true,
    // A lost server ends the consumer (nothing unacknowledged is lost); a supervisor restarts it.
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  // ioredis also emits connection errors as events; the rejected commands carry them to the caller.
  let lastError = "";
  redis.on("error", (error: Error) => {
    lastError = error.message;
  });
  const where = `${flag} ${url}`;
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`${where}: cannot connect to Redis (${lastError || (error as Error).message})`);
  }
  try {
    await redis.xgroup("CREATE", address.stream, options.group, "0", "MKSTREAM");
  } catch (error) {
    const message = (error as Error).message;
    if (!message.startsWith("BUSYGROUP")) {
      redis.disconnect();
      throw new Error(`${where}: cannot create consumer group "${options.group}" (${message})`);
    }
  }
  let pendingFirst = true;
  let reading = false;

  const readEntries = async (id: string, block: boolean): Promise<XReadReply> => {
    const args: (string | number)[] = ["GROUP", options.group, options.consumer, "COUNT", options.batchSize];
    if (block && options.blockMs > 0) args.push("BLOCK", options.blockMs);
    args.push("STREAMS", address.stream, id);
    return (await redis.call("XREADGROUP", ...args)) as XReadReply;
  };

  const toBatch = (reply: XReadReply, redelivered: boolean): StreamBatch => {
    const entries: StreamEntry[] = [];
    const missing: string[] = [];
    for (const [id, fields] of reply?.[0]?.[1] ?? []) {
      if (fields === null) {
        missing.push(id);
        continue;
      }
      const addedAt = streamIdTime(id);
      entries.push({ id, addedAt, line: entryLine(fields, addedAt) });
    }
    return { entries, missing, redelivered };
  };

  // Every failure names the flag and the stream, whichever command met it (a read, XACK or XINFO).
  const named = <T>(command: Promise<T>): Promise<T> =>
    command.catch((error: Error) => {
      throw new Error(`${where}: ${error.message}`);
    });

  return {
    name: url,
    label: `redis-${address.host}-${address.port}-${address.db}-${address.stream}`.replace(/[^\w.-]+/g, "_"),
    async read(signal) {
      if (signal?.aborted) return { entries: [], missing: [], redelivered: false };
      if (pendingFirst) {
        const batch = toBatch(await named(readEntries("0", false)), true);
        if (batch.entries.length + batch.missing.length > 0) return batch;
        pendingFirst = false;
      }
      // A blocked read ends early when the consumer is stopped: the connection is dropped under it.
      const abort = () => {
        if (reading) redis.disconnect();
      };
      signal?.addEventListener("abort", abort, { once: true });
      reading = true;
      try {
        return toBatch(await readEntries(">", true), false);
      } catch (error) {
        if (signal?.aborted) return { entries: [], missing: [], redelivered: false };
        throw new Error(`${where}: ${(error as Error).message}`);
      } finally {
        reading = false;
        signal?.removeEventListener("abort", abort);
      }
    },
    async acknowledge(batch) {
      const ids = batch.entries.map((entry) => entry.id).concat(batch.missing);
      if (ids.length > 0) await named(redis.xack(address.stream, options.group, ...ids));
    },
    async backlog() {
      const groups = (await named(redis.call("XINFO", "GROUPS", address.stream))) as unknown[][];
      for (const fields of groups) {
        const record: Record<string, unknown> = {};
        for (let i = 0; i + 1 < fields.length; i += 2) record[String(fields[i])] = fields[i + 1];
        if (record.name === options.group) return typeof record.lag === "number" ? record.lag : null;
      }
      return null;
    },
    async close() {
      if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
