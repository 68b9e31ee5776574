import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type Job, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { PoolOptions, PoolTask, TaskExecutor } from "../run/worker-pool.js";
import { announceQueue, withdrawQueue } from "./queue-registry.js";
import { type QueueUrl, redisOptions } from "./queue-url.js";
import { reachRedis } from "./reach-redis.js";
import { decodeShard, encodeShard } from "./shard-codec.js";
import { taskModuleName } from "./task-modules.js";

/** Series per shard by default: a shard of hourly store series is about 1 MB of input in Redis. */
export const DEFAULT_SHARD_SIZE = 32;
/** Seconds without any worker holding or finishing a shard before a run fails, by default. */
export const DEFAULT_QUEUE_TIMEOUT_S = 60;
/**
 * Shards of a run in Redis at once by default: enough to keep 64 workers busy (each takes two), while Redis
 * holds only that many shards' data (a shard of 32 hourly store series is about 1 MB in, 2 MB out).
 */
export const MAX_SHARDS_IN_REDIS = 128;
/** Times a shard is tried when its task throws; a worker that dies does not use one up (stalled, retried). */
export const SHARD_ATTEMPTS = 3;

/** A shard as it travels: the task module's name, the shared settings and the tasks, each as shard-codec text. */
export interface ShardData {
  readonly module: string;
  readonly shared: string;
  readonly tasks: string;
}

/** How the queue ran, for the run's report. */
export interface QueueStats {
  /** Shards enqueued over all of the run's pools. */
  shards: number;
  /** Shards that ran more than once (a worker died or a task threw, then succeeded). */
  retried: number;
  /** Results of a shard after its first, ignored. */
  duplicates: number;
  /** The workers that finished shards (host and pid). */
  workers: string[];
}

/** Options of openQueueExecutor. */
export interface QueueExecutorOptions {
  /** Series per shard; default DEFAULT_SHARD_SIZE. */
  readonly shardSize?: number;
  /** Seconds without any worker holding or finishing a shard before the run fails; default 60. */
  readonly timeoutSeconds?: number;
  /** How often to look at the queue, ms; default 100. */
  readonly pollMs?: number;
  /** Shards in Redis at once (waiting, running or done and not yet read); default MAX_SHARDS_IN_REDIS. */
  readonly window?: number;
}

const POLL_MS = 100;

/**
 * Connects to Redis (failing at once, naming `--queue`, when it does not answer) and returns the executor of
 * one forecast run's pools on a BullMQ queue of its own (`avails-forecast-<time>-<random>`), which
 * `avails worker` processes pick up. Give it to runPool as `executor`; `close()` it when the run is done or
 * failed: that deletes the queue and everything in it.
 *
 * @example
 * const queue = await openQueueExecutor(parseQueueUrl("redis://10.0.0.5:6379"), { shardSize: 32 });
 * try { await runForecast(store, config, { pool: { executor: queue } }); } finally { await queue.close(); }
 */
export async function openQueueExecutor(
  url: QueueUrl,
  options: QueueExecutorOptions = {},
): Promise<QueueExecutor> {
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  if (!(Number.isInteger(shardSize) && shardSize >= 1))
    throw new Error(`--shard-size: ${shardSize} is not a whole number >= 1`);
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_QUEUE_TIMEOUT_S;
  if (!(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0))
    throw new Error(`--queue-timeout: ${timeoutSeconds} is not a number of seconds > 0`);
  const client = await reachRedis(url);
  return new QueueExecutor(url, client, {
    shardSize,
    timeoutMs: timeoutSeconds * 1000,
    pollMs: options.pollMs,
  });
}

/** Runs pools as shards on a BullMQ queue; see openQueueExecutor. */
export class QueueExecutor implements TaskExecutor {
  /** The BullMQ queue's name, one per run. */
  readonly name: string;
  readonly url: QueueUrl;
  readonly stats: QueueStats = { shards: 0, retried: 0, duplicates: 0, workers: [] };
  readonly #client: Redis;
  readonly #queue: Queue;
  readonly #shardSize: number;
  readonly #timeoutMs: number;
  readonly #pollMs: number;
  readonly #window: number;
  #round = 0;
  #closed = false;

  constructor(
    url: QueueUrl,
    client: Redis,
    settings: { shardSize: number; timeoutMs: number; pollMs?: number; window?: number },
  ) {
    this.url = url;
    this.#client = client;
    this.#shardSize = settings.shardSize;
    this.#timeoutMs = settings.timeoutMs;
    this.#pollMs = settings.pollMs ?? POLL_MS;
    this.#window = settings.window ?? MAX_SHARDS_IN_REDIS;
    this.name = `avails-forecast-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
    this.#queue = new Queue(this.name, { connection: redisOptions(url) });
    // Connection trouble surfaces as the failure of the command that met it; the event would crash the process.
    this.#queue.on("error", () => undefined);
  }

  async run<I, S, O>(moduleUrl: URL, tasks: readonly PoolTask<I>[], options: PoolOptions<S>): Promise<O[]> {
    if (this.#closed) throw new Error(`queue ${this.name}: already closed`);
    const module = taskModuleName(moduleUrl);
    const round = ++this.#round;
    const shared = encodeShard(options.shared ?? null);
    const size = this.#shardSize;
    const shardCount = Math.ceil(tasks.length / size);
    const shardId = (s: number) => `r${round}-s${s}`;
    const outputs = new Array<O>(tasks.length);
    const finished = new Set<string>();
    let done = 0;
    await announceQueue(this.#client, this.name);
    let enqueued = 0;
    // Shards go to Redis as earlier ones finish, at most `#window` at once: Redis holds that many shards'
    // inputs and results, not the whole run's.
    const topUp = async () => {
      const until = Math.min(shardCount, finished.size + this.#window);
      while (enqueued < until) {
        const jobs = [];
        for (const end = Math.min(until, enqueued + 16); enqueued < end; enqueued++) {
          const s = enqueued;
          const slice = tasks.slice(s * size, (s + 1) * size);
          const data: ShardData = {
            module,
            shared,
            tasks: encodeShard(slice.map((task) => ({ id: task.id, input: task.input }))),
          };
          jobs.push({
            name: module,
            data,
            opts: {
              jobId: shardId(s),
              attempts: SHARD_ATTEMPTS,
              removeOnComplete: false,
              removeOnFail: false,
            },
          });
        }
        await this.#queue.addBulk(jobs);
      }
    };
    this.stats.shards += shardCount;

    await topUp();
    let lastProgress = Date.now();
    while (finished.size < shardCount) {
      await announceQueue(this.#client, this.name);
      const completed: Job[] = await this.#queue.getJobs(["completed"], 0, 99, true);
      for (const job of completed) {
        const id = String(job.id);
        const s = Number(id.slice(id.indexOf("-s") + 2));
        if (!id.startsWith(`r${round}-s`) || finished.has(id)) {
          // The first result of a shard is kept; a later one (a shard run twice) is not used.
          this.stats.duplicates += 1;
        } else {
          const slice = tasks.slice(s * size, (s + 1) * size);
          const results = decodeShard(String(job.returnvalue)) as O[];
          if (!Array.isArray(results) || results.length !== slice.length) {
            throw new Error(
              `shard ${id}: a worker returned ${describeResults(results)} for ${slice.length} series`,
            );
          }
          for (let i = 0; i < slice.length; i++) outputs[s * size + i] = results[i];
          finished.add(id);
          done += slice.length;
          if ((job.attemptsStarted ?? 1) > 1 || (job.stalledCounter ?? 0) > 0) this.stats.retried += 1;
          const worker = job.processedBy;
          if (worker !== undefined && !this.stats.workers.includes(worker)) this.stats.workers.push(worker);
          options.onProgress?.(done, tasks.length, slice[slice.length - 1].id);
          lastProgress = Date.now();
        }
        await job.remove();
      }
      if (finished.size === shardCount) break;
      await topUp();
      const [failed] = await this.#queue.getJobs(["failed"], 0, 0, true);
      if (failed !== undefined) {
        const id = String(failed.id);
        const s = Number(id.slice(id.indexOf("-s") + 2));
        const slice = tasks.slice(s * size, (s + 1) * size);
        throw new Error(
          `shard ${id} (${slice.length} series from ${JSON.stringify(slice[0]?.id)}) failed ` +
            `${failed.attemptsMade} times, the last: ${failed.failedReason}`,
        );
      }
      if (completed.length === 0) {
        if (await this.#anyShardHeld()) lastProgress = Date.now();
        else if (Date.now() - lastProgress > this.#timeoutMs) {
          throw new Error(
            `--queue-timeout: no worker took or finished a shard for ${this.#timeoutMs / 1000} s ` +
              `(${shardCount - finished.size} of ${shardCount} shards left, queue ${this.name}); ` +
              `start one with: avails worker --queue ${this.url.display}`,
          );
        }
        await sleep(this.#pollMs);
      }
    }
    return outputs;
  }

  /** Whether a live worker holds a shard: an active job whose lock its worker keeps renewing. */
  async #anyShardHeld(): Promise<boolean> {
    const active = await this.#queue.getJobs(["active"], 0, 99, true);
    for (const job of active) {
      if ((await this.#client.exists(this.#queue.toKey(`${job.id}:lock`))) === 1) return true;
    }
    return false;
  }

  /** Withdraws the queue from the workers and deletes it with every shard and result left in it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await withdrawQueue(this.#client, this.name);
      await this.#queue.obliterate({ force: true });
    } finally {
      await this.#queue.close();
      await this.#client.quit().catch(() => undefined);
    }
  }
}

function describeResults(value: unknown): string {
  return Array.isArray(value) ? `${value.length} results` : typeof value;
}
