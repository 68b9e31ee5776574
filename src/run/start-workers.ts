import { availableParallelism } from "node:os";
import { retireWorker } from "../threads/retire-worker.js";
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
  /** Most threads the pool may run: the wanted count. */
  readonly most: number;
  /** Whether `most` was given (option or environment) rather than one per core: else runPool runs here first. */
  readonly explicit: boolean;
  readonly #shared: unknown;
  #threads: PoolThread[] | null;

  constructor(moduleUrl: URL, count: number, shared: unknown, most = count, explicit = true) {
    this.moduleUrl = moduleUrl;
    this.most = most;
    this.explicit = explicit;
    this.#shared = shared;
    this.#threads = Array.from({ length: count }, () => new PoolThread(moduleUrl, shared));
  }

  get count(): number {
    return this.#threads?.length ?? 0;
  }

  /**
   * The threads for `tasks` tasks, at most one each: the started ones, the others stopped, and more started
   * when there are more tasks than were started ahead. Only once.
   */
  take(tasks: number): PoolThread[] {
    if (this.#threads === null) throw new Error("started: these workers were already taken or stopped");
    const threads = this.#threads;
    this.#threads = null;
    const count = threads.length === 0 ? 0 : Math.min(this.most, tasks);
    for (const extra of threads.slice(count)) void retireWorker(extra.worker);
    const taken = threads.slice(0, count);
    while (taken.length < count) taken.push(new PoolThread(this.moduleUrl, this.#shared));
    return taken;
  }

  async stop(): Promise<void> {
    const threads = this.#threads ?? [];
    this.#threads = null;
    await Promise.all(threads.map((thread) => retireWorker(thread.worker)));
  }
}

/**
 * Starts the worker threads of a pool before its tasks are known, so that they load the task module while
 * the caller still reads its input; pass the result to runPool as `started`, or `stop()` it on failure.
 * Only when the count is given (`workers`, else `$AVAILS_WORKERS`): without, it starts none and runPool runs
 * the tasks in this thread first, starting workers only for a long job (runHereFirst). None either for a
 * TypeScript module. runPool stops those beyond one per task.
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
  const explicit = isExplicit(options.workers);
  const count = moduleUrl.pathname.endsWith(".ts") || !explicit ? 0 : wanted;
  return new ThreadReserve(moduleUrl, count, options.shared, wanted, explicit);
}

/**
 * Whether the worker count is given (option or `$AVAILS_WORKERS`) rather than one per core.
 *
 * @example isExplicit(undefined) // false unless $AVAILS_WORKERS is set
 */
export function isExplicit(option: number | undefined): boolean {
  const configured = process.env.AVAILS_WORKERS;
  return option !== undefined || (configured !== undefined && configured !== "");
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
