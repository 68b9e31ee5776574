import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { ThreadSet } from "../run/thread-set.js";
import type { ShardData } from "./queue-executor.js";
import { liveQueues } from "./queue-registry.js";
import { type QueueUrl, redisOptions } from "./queue-url.js";
import { reachRedis } from "./reach-redis.js";
import { decodeShard, encodeShard } from "./shard-codec.js";
import { taskModuleUrl } from "./task-modules.js";

/**
 * A shard's lock: its worker renews it every half of this; when the worker dies the lock lapses and the
 * next stalled-job check of any worker (every STALLED_INTERVAL_MS) puts the shard back in the queue.
 */
export const LOCK_DURATION_MS = 5_000;
export const STALLED_INTERVAL_MS = 2_500;
/** Times a shard may lose its worker before it fails for good. */
export const MAX_STALLED = 5;
/** How often a worker looks for new forecast queues. */
const DISCOVER_MS = 250;

/** Options of runQueueWorker. */
export interface QueueWorkerOptions {
  /** Worker threads forecasting the series of a shard; at least 1. */
  readonly threads: number;
  /** Where the worker says what it does (one line per event). */
  readonly log?: (line: string) => void;
  /** Aborting it stops the worker: it finishes the shard it holds, then resolves. */
  readonly signal?: AbortSignal;
}

/** Worker threads of one task module and shared settings, and the shards using them now. */
interface Threads {
  readonly set: ThreadSet<unknown, unknown>;
  users: number;
}

/** One forecast queue this process works for, and the threads of the settings its shards have. */
interface Listening {
  readonly worker: Worker;
  /** By task module and shared settings (a run's pools differ in them: supply, then campaigns). */
  readonly threads: Map<string, Threads>;
  /** The settings of the shard taken last: threads of other settings stop once no shard uses them. */
  latest: string;
}

/**
 * Shards a worker takes at once: while one finishes its last series, the next one's keep the threads busy, and
 * the time between shards (completing one, fetching the next) is hidden.
 */
const SHARDS_AT_ONCE = 2;

/**
 * `avails worker`: finds the forecast queues coordinators announce on the Redis at `url`, and runs their shards
 * two at a time per queue, the series of a shard spread over `threads` worker threads (which stay up between
 * shards of the same settings). Runs until `signal` aborts, then finishes the shards it holds and resolves. A
 * shard's task modules are this installation's own (`taskModuleUrl`); a shard never carries code.
 *
 * @example
 * const stop = new AbortController();
 * process.once("SIGTERM", () => stop.abort());
 * await runQueueWorker(parseQueueUrl("redis://10.0.0.5:6379"), { threads: 8, signal: stop.signal });
 */
export async function runQueueWorker(url: QueueUrl, options: QueueWorkerOptions): Promise<void> {
  const { threads } = options;
  if (!(Number.isInteger(threads) && threads >= 1))
    throw new Error(`--concurrency: ${threads} is not a whole number >= 1`);
  const log = options.log ?? (() => undefined);
  const client = await reachRedis(url);
  const name = `${hostname()}:${process.pid}`;
  const listening = new Map<string, Listening>();
  log(`${name}: ${threads} thread${threads === 1 ? "" : "s"}, waiting for shards on ${url.display}`);

  const threadsFor = async (self: Listening, key: string, module: string, shared: string) => {
    self.latest = key;
    let entry = self.threads.get(key);
    if (entry !== undefined && entry.set.broken !== null && entry.users === 0) {
      await entry.set.close();
      entry = undefined;
    }
    if (entry === undefined || entry.set.broken !== null) {
      entry = { set: new ThreadSet(taskModuleUrl(module), decodeShard(shared), threads), users: 0 };
      self.threads.set(key, entry);
    }
    entry.users += 1;
    return entry;
  };
  const release = async (self: Listening, key: string, entry: Threads) => {
    entry.users -= 1;
    // Threads replaced while in use (one of them failed) stop when their last shard is done.
    if (entry.users === 0 && self.threads.get(key) !== entry) await entry.set.close();
    for (const [other, threadsOf] of self.threads) {
      if (threadsOf.users === 0 && (other !== self.latest || threadsOf.set.broken !== null)) {
        self.threads.delete(other);
        await threadsOf.set.close();
      }
    }
  };

  const process_ = (self: () => Listening) => async (job: Job<ShardData>) => {
    const started = Date.now();
    const { module, shared, tasks } = job.data;
    const key = `${module}\n${shared}`;
    const entry = await threadsFor(self(), key, module, shared);
    try {
      const inputs = decodeShard(tasks) as { id: string; input: unknown }[];
      log(`shard ${job.id} of ${job.queueName}: ${inputs.length} series`);
      const outputs = await entry.set.run(inputs);
      log(`shard ${job.id} of ${job.queueName}: done in ${((Date.now() - started) / 1000).toFixed(2)} s`);
      return encodeShard(outputs);
    } finally {
      await release(self(), key, entry);
    }
  };

  const listen = (queue: string) => {
    let entry: Listening | undefined;
    const worker = new Worker<ShardData>(
      queue,
      process_(() => entry as Listening),
      {
        connection: { ...redisOptions(url), maxRetriesPerRequest: null },
        name,
        concurrency: SHARDS_AT_ONCE,
        lockDuration: LOCK_DURATION_MS,
        stalledInterval: STALLED_INTERVAL_MS,
        maxStalledCount: MAX_STALLED,
      },
    );
    worker.on("failed", (job, error) => log(`shard ${job?.id} of ${queue} failed: ${error.message}`));
    let lastError = "";
    worker.on("error", (error) => {
      // A lost connection repeats its error on every reconnect attempt: said once.
      if (error.message !== lastError) log(`queue ${queue}: ${error.message}`);
      lastError = error.message;
    });
    entry = { worker, threads: new Map(), latest: "" };
    listening.set(queue, entry);
  };

  const forget = async (queue: string) => {
    const entry = listening.get(queue);
    listening.delete(queue);
    if (entry === undefined) return;
    await entry.worker.close();
    for (const threadsOf of entry.threads.values()) await threadsOf.set.close();
    entry.threads.clear();
    // The coordinator deleted the queue, but until this worker closed its BullMQ worker could write some
    // bookkeeping keys (meta, stalled-check) again: delete what is left of the withdrawn queue.
    await deleteQueueKeys(client, queue).catch(() => undefined);
  };

  let outage = false;
  try {
    while (!options.signal?.aborted) {
      let live: string[];
      try {
        live = await liveQueues(client);
        if (outage) log(`Redis answers again on ${url.display}`);
        outage = false;
      } catch (error) {
        // Said once per outage; the queues being listened to are kept meanwhile.
        if (!outage) log(`cannot read the queue list, retrying: ${(error as Error).message}`);
        outage = true;
        live = [...listening.keys()];
      }
      for (const queue of live) if (!listening.has(queue)) listen(queue);
      for (const queue of [...listening.keys()]) if (!live.includes(queue)) await forget(queue);
      await sleep(DISCOVER_MS, undefined, { signal: options.signal }).catch(() => undefined);
    }
  } finally {
    // Shards held now are finished (close waits for them); nothing new is taken.
    log(`${name}: stopping`);
    await Promise.all([...listening.keys()].map(forget));
    await client.quit().catch(() => undefined);
  }
}

/** Deletes every key of a BullMQ queue (default prefix `bull`), as a withdrawn queue should have none. */
async function deleteQueueKeys(client: Redis, queue: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `bull:${queue}:*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== "0");
}
