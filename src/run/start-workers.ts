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

/**
 * Series each worker thread should have before a pool of started workers (`startWorkers`, the file
 * forecasts of `avails forecast --input`) with the default count starts another: a worker's first series
 * cost many times its later ones while V8 compiles the models (about 0.9 s of CPU for the first ten hourly
 * series of 4,000 points against 25 ms each after), and two workers warming up at once on a 2-core machine
 * took 0.8-0.9 s more CPU and more wall time than one for 30 such series (`avails forecast`, auto, h = 168).
 * An explicit worker count (`workers`, `$AVAILS_WORKERS`) is used as given.
 */
export const SERIES_PER_WORKER = 32;

/** The StartedWorkers runPool takes threads from. */
export class ThreadReserve implements StartedWorkers {
  readonly moduleUrl: URL;
  /** Most threads the pool may run: the wanted count. */
  readonly most: number;
  /** Whether `most` was given (option or environment) rather than one per core. */
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
   * The threads for `tasks` tasks (`poolSize`): the started ones, the others stopped, and more started
   * when the tasks warrant more than were started ahead. Only once.
   */
  take(tasks: number): PoolThread[] {
    if (this.#threads === null) throw new Error("started: these workers were already taken or stopped");
    const threads = this.#threads;
    this.#threads = null;
    const count = threads.length === 0 ? 0 : poolSize(tasks, this.most, this.explicit);
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
 * As many threads as runPool would start for many tasks when that count is given (`workers`, else
 * `$AVAILS_WORKERS`), else one (the default pool's size is one per core but one per `SERIES_PER_WORKER`
 * tasks, so runPool starts the others when the tasks are known); none for a TypeScript module. runPool
 * stops those beyond what the tasks need.
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
  const ahead = explicit ? wanted : Math.min(wanted, 1);
  const count = moduleUrl.pathname.endsWith(".ts") ? 0 : ahead;
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

/**
 * Worker threads for `tasks` tasks: at most `most` and one per task; unless the count is explicit, also
 * one per `SERIES_PER_WORKER` tasks (at least one).
 *
 * @example poolSize(30, 2, false) // 1
 * @example poolSize(100, 2, false) // 2
 * @example poolSize(30, 2, true) // 2
 */
export function poolSize(tasks: number, most: number, explicit: boolean): number {
  const count = Math.min(most, tasks);
  return explicit ? count : Math.min(count, Math.max(1, Math.ceil(tasks / SERIES_PER_WORKER)));
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
