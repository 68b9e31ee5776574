import type { Command } from "commander";
import type { QueueExecutor } from "../queue/queue-executor.js";

/** The queue flags of `avails forecast`, as commander gives them. */
export interface RawQueueFlags {
  queue?: string;
  shardSize?: string;
  queueTimeout?: string;
}

/**
 * Adds `--queue`, `--shard-size` and `--queue-timeout` to a forecast command.
 *
 * @example addQueueOptions(program.command("forecast"))
 */
export function addQueueOptions(command: Command): Command {
  return command
    .option(
      "--queue <url>",
      "run the forecasts on avails worker processes via BullMQ: redis://HOST:PORT[/DB]",
    )
    .option("--shard-size <n>", "with --queue: series per shard (default 32)")
    .option(
      "--queue-timeout <seconds>",
      "with --queue: fail when no worker holds or finishes a shard for this long (default 60)",
    );
}

/**
 * The queue executor the flags ask for (connected; the caller closes it), or undefined without `--queue`;
 * errors name the flag.
 *
 * @example const executor = await queueFromFlags(flags); // pass as pool.executor, close in finally
 */
export async function queueFromFlags(flags: RawQueueFlags): Promise<QueueExecutor | undefined> {
  if (flags.queue === undefined) {
    const stray =
      flags.shardSize !== undefined
        ? "--shard-size"
        : flags.queueTimeout !== undefined
          ? "--queue-timeout"
          : null;
    if (stray !== null) throw new Error(`${stray}: only with --queue`);
    return undefined;
  }
  const { parseQueueUrl } = await import("../queue/queue-url.js");
  const url = parseQueueUrl(flags.queue, "--queue");
  let shardSize: number | undefined;
  if (flags.shardSize !== undefined) {
    shardSize = Number(flags.shardSize);
    if (!/^\d+$/.test(flags.shardSize) || !Number.isSafeInteger(shardSize) || shardSize < 1)
      throw new Error(`--shard-size: "${flags.shardSize}" is not a whole number >= 1`);
  }
  let timeoutSeconds: number | undefined;
  if (flags.queueTimeout !== undefined) {
    timeoutSeconds = Number(flags.queueTimeout);
    if (flags.queueTimeout.trim() === "" || !Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
      throw new Error(`--queue-timeout: "${flags.queueTimeout}" is not a number of seconds > 0`);
  }
  const { openQueueExecutor } = await import("../queue/queue-executor.js");
  return openQueueExecutor(url, { shardSize, timeoutSeconds });
}

/**
 * Runs `work` with the queue executor, closing it (deleting the run's queue) afterwards and on SIGINT or
 * SIGTERM, so that a run stopped by hand leaves nothing in Redis.
 *
 * @example await withQueue(executor, () => runForecast(store, config, { pool: { executor } }));
 */
export async function withQueue<T>(executor: QueueExecutor | undefined, work: () => Promise<T>): Promise<T> {
  if (executor === undefined) return work();
  const onSignal = (signal: NodeJS.Signals) => {
    void executor.close().finally(() => {
      console.error(`avails: stopped by ${signal}; queue ${executor.name} deleted`);
      process.exit(130);
    });
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await executor.close();
  }
}
