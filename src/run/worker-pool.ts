import { retireWorker } from "../threads/retire-worker.js";
import { PoolThread } from "./pool-thread.js";
import { HAND_OVER_AFTER_MS, runHereFirst } from "./run-here-first.js";
import { type StartedWorkers, ThreadReserve, wantedWorkers } from "./start-workers.js";
import { driveWorkers, type PoolTask, TaskQueue } from "./task-queue.js";

export { type StartedWorkers, startWorkers } from "./start-workers.js";
export type { PoolTask, TaskFunction } from "./task-queue.js";

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
   * Workers started ahead by startWorkers (same module; their shared settings are used). With a count given
   * (`workers`, `$AVAILS_WORKERS`) the pool takes as many of them as it has tasks and stops the rest; without,
   * none were started and the tasks run here first, handed to worker threads (one per core) once those left
   * would keep this thread busy longer than `handOverAfterMs` (runHereFirst).
   */
  started?: StartedWorkers;
  /** With `started` and no count given: this thread's work left, in ms, that hands the tasks over (2,500). */
  handOverAfterMs?: number;
  /** Runs the tasks instead of this process' threads (a queue of worker machines); none by default. */
  executor?: TaskExecutor;
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
    if (!started.explicit) {
      return runHereFirst<I, S, O>(moduleUrl, tasks, {
        shared: options.shared,
        workers: started.most,
        handOverAfterMs: options.handOverAfterMs ?? HAND_OVER_AFTER_MS,
        onProgress: options.onProgress,
      });
    }
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

/** Every task in this thread (`runHereFirst` with no helper). */
function runHere<I, S, O>(
  moduleUrl: URL,
  tasks: readonly PoolTask<I>[],
  options: PoolOptions<S>,
): Promise<O[]> {
  return runHereFirst<I, S, O>(moduleUrl, tasks, {
    shared: options.shared,
    workers: 0,
    handOverAfterMs: 0,
    onProgress: options.onProgress,
  });
}

function runOnWorkers<I, S, O>(
  tasks: readonly PoolTask<I>[],
  options: PoolOptions<S>,
  threads: readonly PoolThread[],
): Promise<O[]> {
  return new Promise((resolve, reject) => {
    const queue = new TaskQueue<I, O>(tasks);
    const workers = threads.map((thread) => thread.worker);
    let settled = false;
    driveWorkers(
      queue,
      threads,
      {
        onDone: (index) => {
          options.onProgress?.(queue.done, tasks.length, tasks[index].id);
          if (queue.done < tasks.length) return;
          settled = true;
          resolve(queue.outputs);
          void Promise.all(workers.map((idle) => retireWorker(idle)));
        },
        onFail: (error) => {
          if (settled) return;
          settled = true;
          void Promise.all(workers.map((worker) => worker.terminate()));
          reject(error);
        },
      },
      () => settled,
    );
  });
}
