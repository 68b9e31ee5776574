import { setImmediate as nextTurn } from "node:timers/promises";
import { retireWorker } from "../threads/retire-worker.js";
import { PoolThread } from "./pool-thread.js";
import { driveWorkers, loadTaskFunction, type PoolTask, seriesError, TaskQueue } from "./task-queue.js";

/**
 * The default of `handOverAfterMs`: a pool run here first hands its tasks to worker threads once those left
 * would keep this thread busy for more than 2.5 s. Worker threads cost a start-up (loading the task module)
 * and a warm-up while V8 compiles the models, on cores this thread and its compiles use too. Measured on
 * `avails forecast` (auto, h = 168, hourly series of 4,008 points, 2 cores, wall seconds, 2-4 runs each):
 * this thread alone took 0.8-1.1 s for 10 series, 1.5-1.8 for 30, 1.8-2.2 for 50, 3.4-4.0 for 100 and
 * 5.3-6.3 for 200, against 2.6, 3.0-3.6 and 4.2-5.6 s with two workers from the start for 50, 100 and 200.
 */
export const HAND_OVER_AFTER_MS = 2500;

/** Milliseconds this thread computes before it lets timers and signals through. */
const YIELD_EVERY_MS = 50;

/** Task times the estimate of the work left takes the least of: a collection or a compile inflates one. */
const RECENT_TASKS = 3;

/** How runHereFirst runs. */
export interface HereFirstOptions<S> {
  /** Settings every task shares, passed to the task function here and to each worker once. */
  readonly shared?: S;
  /** Worker threads to hand the tasks to; 0 keeps every task here. */
  readonly workers: number;
  /** The work left, in this thread's milliseconds, above which the tasks go to the workers. */
  readonly handOverAfterMs: number;
  /** Called after each task, wherever it ran, with the tasks done, their total and the series just finished. */
  readonly onProgress?: (done: number, total: number, id: string) => void;
}

/**
 * Runs the tasks in this thread, in order, until those left would keep it busy longer than `handOverAfterMs`
 * (the least of the last three tasks' times, times the tasks left, judged from the third task on: the first
 * ones are slow while V8 compiles). It then starts `workers` worker threads, goes on until the first of them
 * has loaded the task module, and leaves the rest to them. A short job so pays no thread's start-up and
 * warm-up, and a long one still runs on every core. Resolves with the outputs in task order; the first
 * failure, naming its series, rejects once this thread's current task is over, and stops the workers.
 *
 * @example
 * const outputs = await runHereFirst(new URL("./forecast-task.js", import.meta.url), tasks, {
 *   shared: settings, workers: availableParallelism(), handOverAfterMs: HAND_OVER_AFTER_MS,
 * });
 */
export async function runHereFirst<I, S, O>(
  moduleUrl: URL,
  tasks: readonly PoolTask<I>[],
  options: HereFirstOptions<S>,
): Promise<O[]> {
  const { workers, handOverAfterMs, onProgress } = options;
  if (!(Number.isInteger(workers) && workers >= 0))
    throw new Error(`workers: ${workers} is not a whole number >= 0`);
  if (!(handOverAfterMs >= 0)) throw new Error(`handOverAfterMs: ${handOverAfterMs} is not a number >= 0`);
  const run = await loadTaskFunction<I, S, O>(moduleUrl);
  const queue = new TaskQueue<I, O>(tasks);
  const state = { failure: null as Error | null, handedOver: false, over: false };
  let threads: PoolThread[] = [];
  let allDone: (() => void) | null = null;
  const finished = (index: number) => {
    onProgress?.(queue.done, tasks.length, tasks[index].id);
    if (queue.done === tasks.length) allDone?.();
  };
  const fail = (error: Error) => {
    state.failure ??= error;
    allDone?.();
  };
  const handlers = { onDone: finished, onFail: fail, onReady: () => (state.handedOver = true) };
  // A worker thread of Node 20 cannot load TypeScript (tests run from sources).
  const mayHandOver = workers > 0 && !moduleUrl.pathname.endsWith(".ts");
  const recent: number[] = [];
  let lastYield = performance.now();
  while (state.failure === null && !state.handedOver && queue.hasNext()) {
    const index = queue.take();
    const began = performance.now();
    try {
      queue.complete(index, await run(tasks[index].input, options.shared as S));
    } catch (error) {
      fail(seriesError(tasks[index].id, error instanceof Error ? error.message : String(error)));
      break;
    }
    finished(index);
    const now = performance.now();
    if (mayHandOver && threads.length === 0) {
      recent.push(now - began);
      if (recent.length > RECENT_TASKS) recent.shift();
      if (recent.length === RECENT_TASKS && queue.left * Math.min(...recent) > handOverAfterMs) {
        threads = Array.from(
          { length: Math.min(workers, queue.left) },
          () => new PoolThread(moduleUrl, options.shared),
        );
        driveWorkers(queue, threads, handlers, () => state.over || state.failure !== null);
      }
    }
    // With workers, every turn: their messages (ready, done) wait for this thread.
    if (threads.length > 0 || now - lastYield > YIELD_EVERY_MS) {
      await nextTurn();
      lastYield = performance.now();
    }
  }
  if (state.failure === null && queue.done < tasks.length) {
    // The workers hold the rest.
    await new Promise<void>((resolve) => {
      allDone = resolve;
    });
  }
  state.over = true;
  if (state.failure !== null) {
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
    throw state.failure;
  }
  void Promise.all(threads.map((thread) => retireWorker(thread.worker)));
  return queue.outputs;
}
