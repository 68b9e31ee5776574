import { retireWorker } from "../threads/retire-worker.js";
import { type FromWorker, PoolThread } from "./pool-thread.js";
import { type StartedWorkers, ThreadReserve, wantedWorkers } from "./start-workers.js";

export { type StartedWorkers, startWorkers } from "./start-workers.js";

/** One unit of work: the series it is for (named in errors and progress), its input, buffers to move. */
export interface PoolTask<I> {
  /** The series' unique_id. */
  readonly id: string;
  /** Passed to the task function; structured-cloned to a worker thread. */
  readonly input: I;
  /** Buffers in `input` to move to the worker instead of copying; the caller's views of them become empty. */
  readonly transfer?: readonly ArrayBuffer[];
}

/** What a task module exports as `runTask`: the work for one task, given the settings every task shares. */
export type TaskFunction<I, S, O> = (input: I, shared: S) => O | Promise<O>;

/**
 * Runs a pool's tasks somewhere else than this process' threads (e.g. shards on a BullMQ queue): given
 * as `executor`, runPool hands it the module, tasks and options and returns what it resolves with, which
 * must be what runPool itself would return (each task's output, in task order).
 */
export interface TaskExecutor {
  run<I, S, O>(moduleUrl: URL, tasks: readonly PoolTask<I>[], options: PoolOptions<S>): Promise<O[]>;
}

/** Options of runPool. */
export interface PoolOptions<S> {
  /** Settings every task shares (horizon, levels, model), sent to each worker once. */
  shared?: S;
  /**
   * Worker threads to start, at most one per task. Default: `$AVAILS_WORKERS` if set, else one per core.
   * 0 runs every task in this thread, as does a task module written in TypeScript (tests run from sources).
   */
  workers?: number;
  /** Called after each task with the tasks done, their total and the series just finished. */
  onProgress?: (done: number, total: number, id: string) => void;
  /**
   * Workers started ahead by startWorkers (same module; their shared settings and count are used): the pool
   * takes those it needs (`poolSize`: by default one per `SERIES_PER_WORKER` tasks), starts the others it
   * may, and stops the rest.
   */
  started?: StartedWorkers;
  /** Runs the tasks instead of this process' threads (a queue of worker machines); none by default. */
  executor?: TaskExecutor;
}

/** Tasks handed to a worker ahead of the one it works on, so that it never waits for the next. */
const IN_FLIGHT_PER_WORKER = 2;

function seriesError(id: string, message: string): Error {
  return new Error(`series ${JSON.stringify(id)}: ${message}`);
}

/**
 * Runs CPU-bound work for many series on worker threads, min(workers, tasks) of them, tasks handed out as
 * workers free up; resolves with the outputs in the order of the tasks. The task module is an ES module
 * exporting `runTask(input, shared)` (a TaskFunction); typed arrays in its output are moved back, not copied.
 * When a task throws or a worker dies, every worker is stopped and the promise rejects naming the series.
 *
 * @example
 * const sums = await runPool<{ values: Float64Array }, null, number>(
 *   new URL("./sum-task.js", import.meta.url),
 *   series.map((s) => ({ id: s.id, input: { values: s.values }, transfer: [s.values.buffer as ArrayBuffer] })),
 *   { onProgress: (done, total) => bar.update(done, total, "series") },
 * );
 */
export async function runPool<I, S, O>(
  moduleUrl: URL,
  tasks: readonly PoolTask<I>[],
  options: PoolOptions<S> = {},
): Promise<O[]> {
  const { started, executor } = options;
  if (executor !== undefined) {
    // Threads started ahead are not needed: the work runs elsewhere.
    await started?.stop();
    return tasks.length === 0 ? [] : executor.run<I, S, O>(moduleUrl, tasks, options);
  }
  if (started !== undefined) {
    if (!(started instanceof ThreadReserve) || started.moduleUrl.href !== moduleUrl.href) {
      throw new Error(`started: workers started by startWorkers for ${moduleUrl.href}`);
    }
    const threads = started.take(tasks.length);
    if (tasks.length === 0) return [];
    return threads.length === 0 ? runHere(moduleUrl, tasks, options) : runOnWorkers(tasks, options, threads);
  }
  const wanted = wantedWorkers(options.workers);
  if (tasks.length === 0) return [];
  // A worker thread of Node 20 cannot load TypeScript: a .ts module (tests, run from sources) runs here.
  const count = moduleUrl.pathname.endsWith(".ts") ? 0 : Math.min(wanted, tasks.length);
  if (count === 0) return runHere(moduleUrl, tasks, options);
  const threads = Array.from({ length: count }, () => new PoolThread(moduleUrl, options.shared));
  return runOnWorkers(tasks, options, threads);
}

async function runHere<I, S, O>(
  moduleUrl: URL,
  tasks: readonly PoolTask<I>[],
  options: PoolOptions<S>,
): Promise<O[]> {
  const module = (await import(moduleUrl.href)) as { runTask?: TaskFunction<I, S, O> };
  const run = module.runTask;
  if (typeof run !== "function") {
    throw new Error(`task module ${moduleUrl.href}: it does not export a function runTask`);
  }
  const outputs: O[] = [];
  let lastYield = Date.now();
  for (let i = 0; i < tasks.length; i++) {
    const { id, input } = tasks[i];
    try {
      outputs.push(await run(input, options.shared as S));
    } catch (error) {
      throw seriesError(id, error instanceof Error ? error.message : String(error));
    }
    options.onProgress?.(i + 1, tasks.length, id);
    // Let timers and signals through now and then, so a progress bar redraws and Ctrl-C is heard.
    if (Date.now() - lastYield > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
  }
  return outputs;
}

function runOnWorkers<I, S, O>(
  tasks: readonly PoolTask<I>[],
  options: PoolOptions<S>,
  threads: readonly PoolThread[],
): Promise<O[]> {
  return new Promise((resolve, reject) => {
    const outputs = new Array<O>(tasks.length);
    const workers = threads.map((thread) => thread.worker);
    let next = 0;
    let done = 0;
    let settled = false;
    const stopAll = () => Promise.all(workers.map((worker) => worker.terminate()));
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      void stopAll();
      reject(error);
    };
    for (const thread of threads) {
      const { worker } = thread;
      // Indices of the tasks this worker holds, oldest (the one it works on) first.
      const held: number[] = [];
      const handOut = () => {
        while (held.length < IN_FLIGHT_PER_WORKER && next < tasks.length) {
          const index = next++;
          held.push(index);
          worker.postMessage(
            { index, input: tasks[index].input },
            (tasks[index].transfer ?? []) as ArrayBuffer[],
          );
        }
      };
      const working = () => (held.length > 0 ? tasks[held[0]].id : null);
      const onMessage = (message: FromWorker) => {
        if (settled) return;
        switch (message.type) {
          case "ready":
            handOut();
            break;
          case "done":
            held.shift();
            outputs[message.index] = message.output as O;
            done++;
            options.onProgress?.(done, tasks.length, tasks[message.index].id);
            if (done === tasks.length) {
              settled = true;
              resolve(outputs);
              void Promise.all(workers.map((idle) => retireWorker(idle)));
            } else {
              handOut();
            }
            break;
          case "failed":
            fail(seriesError(tasks[message.index].id, message.message));
            break;
          case "load-failed":
            fail(new Error(`task module ${thread.moduleHref}: ${message.message}`));
            break;
        }
      };
      thread.listen((event) => {
        if (event.kind === "message") {
          onMessage(event.message);
        } else if (event.kind === "error") {
          const id = working();
          fail(id === null ? event.error : seriesError(id, `a worker failed: ${event.error.message}`));
        } else {
          const id = working();
          fail(
            id === null
              ? new Error(`a worker stopped with code ${event.code}`)
              : seriesError(id, `the worker stopped with code ${event.code}`),
          );
        }
      });
    }
  });
}
