import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

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
}

/** Tasks handed to a worker ahead of the one it works on, so that it never waits for the next. */
const IN_FLIGHT_PER_WORKER = 2;

/** Messages from a pool worker. */
type FromWorker =
  | { type: "ready" }
  | { type: "done"; index: number; output: unknown }
  | { type: "failed"; index: number; message: string }
  | { type: "load-failed"; message: string };

// The worker's whole program: load the task module, then run tasks in the order they come, one at a time.
// It is evaluated as a script, so the pool needs no compiled file of its own and works from sources too.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const transferables = (value, found, depth) => {
  // Only views spanning a whole buffer move: a slice of a buffer the task keeps must be copied.
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.byteLength === value.buffer.byteLength) found.add(value.buffer);
    return found;
  }
  if (depth > 0 && value !== null && typeof value === "object") {
    for (const item of Array.isArray(value) ? value : Object.values(value)) transferables(item, found, depth - 1);
  }
  return found;
};
import(workerData.url).then((module) => {
  const run = module.runTask;
  if (typeof run !== "function") throw new Error("it does not export a function runTask");
  let queue = Promise.resolve();
  parentPort.on("message", ({ index, input }) => {
    queue = queue.then(async () => {
      try {
        const output = await run(input, workerData.shared);
        const transfer = [...transferables(output, new Set(), 3)];
        parentPort.postMessage({ type: "done", index, output }, transfer);
      } catch (error) {
        parentPort.postMessage({ type: "failed", index, message: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  parentPort.postMessage({ type: "ready" });
}).catch((error) => {
  parentPort.postMessage({ type: "load-failed", message: error instanceof Error ? error.message : String(error) });
});
`;

/** Threads wanted: the option, else `$AVAILS_WORKERS`, else one per core. */
function wantedWorkers(option: number | undefined): number {
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
  const wanted = wantedWorkers(options.workers);
  if (tasks.length === 0) return [];
  // A worker thread of Node 20 cannot load TypeScript: a .ts module (tests, run from sources) runs here.
  const count = moduleUrl.pathname.endsWith(".ts") ? 0 : Math.min(wanted, tasks.length);
  return count === 0 ? runHere(moduleUrl, tasks, options) : runOnWorkers(moduleUrl, tasks, options, count);
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
  moduleUrl: URL,
  tasks: readonly PoolTask<I>[],
  options: PoolOptions<S>,
  count: number,
): Promise<O[]> {
  return new Promise((resolve, reject) => {
    const outputs = new Array<O>(tasks.length);
    const workers: Worker[] = [];
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
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { url: moduleUrl.href, shared: options.shared },
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      workers.push(worker);
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
      worker.on("message", (message: FromWorker) => {
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
              void stopAll().then(() => resolve(outputs), reject);
            } else {
              handOut();
            }
            break;
          case "failed":
            fail(seriesError(tasks[message.index].id, message.message));
            break;
          case "load-failed":
            fail(new Error(`task module ${moduleUrl.href}: ${message.message}`));
            break;
        }
      });
      worker.on("error", (error) => {
        const id = working();
        fail(id === null ? error : seriesError(id, `a worker failed: ${error.message}`));
      });
      worker.on("exit", (code) => {
        const id = working();
        fail(
          id === null
            ? new Error(`a worker stopped with code ${code}`)
            : seriesError(id, `the worker stopped with code ${code}`),
        );
      });
    }
  });
}
