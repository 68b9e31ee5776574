import type { Command } from "commander";
import { wantedWorkers } from "../run/start-workers.js";

interface WorkerFlags {
  queue: string;
  concurrency?: string;
}

/**
 * `avails worker --queue redis://HOST:PORT[/DB]`: process the shards of `avails forecast --queue` runs until
 * SIGTERM or SIGINT (it finishes the shard it holds; a second signal exits at once and the shard goes back to
 * the queue when its lock lapses).
 *
 * @example
 * registerWorker(program); // avails worker --queue redis://10.0.0.5:6379 --concurrency 8
 */
export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("forecast the shards of `avails forecast --queue` runs, on all cores, until stopped")
    .requiredOption("--queue <url>", "redis://HOST:PORT[/DB], as given to avails forecast --queue")
    .option("--concurrency <n>", "worker threads (default: $AVAILS_WORKERS, else one per core)")
    .action(async (flags: WorkerFlags) => {
      const { parseQueueUrl } = await import("../queue/queue-url.js");
      const url = parseQueueUrl(flags.queue, "--queue");
      let threads: number;
      if (flags.concurrency !== undefined) {
        threads = Number(flags.concurrency);
        if (!/^\d+$/.test(flags.concurrency) || !Number.isSafeInteger(threads) || threads < 1)
          throw new Error(`--concurrency: "${flags.concurrency}" is not a whole number >= 1`);
      } else {
        threads = Math.max(1, wantedWorkers(undefined));
      }
      const { runQueueWorker } = await import("../queue/queue-worker.js");
      const stop = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        console.error(`avails worker: ${signal}: finishing the shard in hand, then exiting`);
        stop.abort();
        // A second signal: exit now; the shard's lock lapses and another worker takes it.
        process.once(signal, () => process.exit(130));
      };
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      await runQueueWorker(url, {
        threads,
        signal: stop.signal,
        log: (line) => console.error(`avails worker: ${line}`),
      });
    });
}
