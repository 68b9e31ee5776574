import { availableParallelism } from "node:os";
import { PoolThread } from "./pool-thread.js";

/** Worker threads started before their tasks are known, for runPool's `started` option. */
export interface StartedWorkers {
  readonly moduleUrl: URL;
  /** Threads started: 0 when the options ask for none, or the module is TypeScript (it runs in this thread). */
  readonly count: number;
  /** Stops the workers, when no pool is going to take them (the input failed to read). */
  stop(): Promise<void>;
}

/** The StartedWorkers runPool takes threads from. */
export class ThreadReserve implements StartedWorkers {
  readonly moduleUrl: URL;
  #threads: PoolThread[] | null;

  constructor(moduleUrl: URL, count: number, shared: unknown) {
    this.moduleUrl = moduleUrl;
    this.#threads = Array.from({ length: count }, () => new PoolThread(moduleUrl, shared));
  }

  get count(): number {
    return this.#threads?.length ?? 0;
  }

  /** The first `count` threads; the others are stopped. Only once. */
  take(count: number): PoolThread[] {
    if (this.#threads === null) throw new Error("started: these workers were already taken or stopped");
    const threads = this.#threads;
    this.#threads = null;
    for (const extra of threads.slice(count)) void extra.worker.terminate();
    return threads.slice(0, count);
  }

  async stop(): Promise<void> {
    const threads = this.#threads ?? [];
    this.#threads = null;
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }
}

/**
 * Starts the worker threads of a pool before its tasks are known, so that they load the task module while
 * the caller still reads its input; pass the result to runPool as `started`, or `stop()` it on failure.
 * As many threads as runPool would start for many tasks (`workers`, else `$AVAILS_WORKERS`, else one per
 * core; none for a TypeScript module); runPool stops those beyond one per task.
 *
 * @example
 * const started = startWorkers(TASK, { shared: settings });
 * const series = await readLongFormat(path, "hourly").catch(async (error) => { await started.stop(); throw error; });
 * const outputs = await runPool(TASK, tasksOf(series), { shared: settings, started });
 */
export function startWorkers<S>(
  moduleUrl: URL,
  options: { shared?: S; workers?: number } = {},
): StartedWorkers {
  const wanted = wantedWorkers(options.workers);
  const count = moduleUrl.pathname.endsWith(".ts") ? 0 : wanted;
  return new ThreadReserve(moduleUrl, count, options.shared);
}

/** Threads wanted: the option, else `$AVAILS_WORKERS`, else one per core. */
export function wantedWorkers(option: number | undefined): number {
  if (option !== undefined) {
    if (!Number.isInteger(option) || option < 0)
      throw new Error(`workers: ${option} is not a whole number >= 0`);
    return option;
  }
  const configured = process.env.AVAILS_WORKERS;
  if (configured !== undefined && configured !== "") {
    const n = Number(configured);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`AVAILS_WORKERS: "${configured}" is not a whole number >= 0`);
    return n;
  }
  return availableParallelism();
}
