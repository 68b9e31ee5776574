import type { PoolThread } from "./pool-thread.js";

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

/** Tasks handed to a worker ahead of the one it works on, so that it never waits for the next. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * The tasks of one pool, handed out in order to whichever thread asks next, and their outputs in task order.
 *
 * @example
 * const queue = new TaskQueue(tasks);
 * while (queue.hasNext()) { const i = queue.take(); queue.complete(i, run(tasks[i].input)); }
 */
export class TaskQueue<I, O> {
  readonly tasks: readonly PoolTask<I>[];
  readonly outputs: O[];
  #next = 0;
  #done = 0;

  constructor(tasks: readonly PoolTask<I>[]) {
    this.tasks = tasks;
    this.outputs = new Array<O>(tasks.length);
  }

  /** Whether a task is left to hand out. */
  hasNext(): boolean {
    return this.#next < this.tasks.length;
  }

  /** Tasks not handed out yet. */
  get left(): number {
    return this.tasks.length - this.#next;
  }

  /** Tasks whose outputs are in. */
  get done(): number {
    return this.#done;
  }

  /** The index of the next task, now handed out; call only when `hasNext()`. */
  take(): number {
    return this.#next++;
  }

  /** Records task `index`'s output; true when it was the last one out. */
  complete(index: number, output: O): boolean {
    this.outputs[index] = output;
    this.#done++;
    return this.#done === this.tasks.length;
  }
}

/** What driveWorkers reports to the pool that owns the queue. */
export interface WorkerHandlers {
  /** Task `index` finished on a worker (its output is in the queue). */
  onDone(index: number): void;
  /** A worker has loaded the task module and takes tasks from now on. */
  onReady?(): void;
  /** A task failed, a worker died or the module did not load: the pool should stop. */
  onFail(error: Error): void;
}

/**
 * An error about one series, named as the pool reports it.
 *
 * @example seriesError("SE,mobile", "cannot sum this").message // 'series "SE,mobile": cannot sum this'
 */
export function seriesError(id: string, message: string): Error {
  return new Error(`series ${JSON.stringify(id)}: ${message}`);
}

/**
 * Hands the queue's tasks to worker threads as they free up, each holding at most two, until `stopped()`
 * says the pool is over; reports each output and the first failure (naming the series) to `handlers`.
 *
 * @example
 * driveWorkers(queue, threads, { onDone: (i) => progress(i), onFail: reject }, () => settled);
 */
export function driveWorkers<I, O>(
  queue: TaskQueue<I, O>,
  threads: readonly PoolThread[],
  handlers: WorkerHandlers,
  stopped: () => boolean,
): void {
  for (const thread of threads) {
    const { worker } = thread;
    // Indices of the tasks this worker holds, oldest (the one it works on) first.
    const held: number[] = [];
    const handOut = () => {
      while (held.length < IN_FLIGHT_PER_WORKER && queue.hasNext()) {
        const index = queue.take();
        held.push(index);
        const task = queue.tasks[index];
        worker.postMessage({ index, input: task.input }, (task.transfer ?? []) as ArrayBuffer[]);
      }
    };
    const working = () => (held.length > 0 ? queue.tasks[held[0]].id : null);
    thread.listen((event) => {
      if (stopped()) return;
      if (event.kind === "message") {
        const message = event.message;
        switch (message.type) {
          case "ready":
            handlers.onReady?.();
            handOut();
            break;
          case "done":
            held.shift();
            queue.complete(message.index, message.output as O);
            handlers.onDone(message.index);
            if (!stopped()) handOut();
            break;
          case "failed":
            handlers.onFail(seriesError(queue.tasks[message.index].id, message.message));
            break;
          case "load-failed":
            handlers.onFail(new Error(`task module ${thread.moduleHref}: ${message.message}`));
            break;
        }
      } else if (event.kind === "error") {
        const id = working();
        handlers.onFail(
          id === null ? event.error : seriesError(id, `a worker failed: ${event.error.message}`),
        );
      } else {
        const id = working();
        handlers.onFail(
          id === null
            ? new Error(`a worker stopped with code ${event.code}`)
            : seriesError(id, `the worker stopped with code ${event.code}`),
        );
      }
    });
  }
}

/**
 * The `runTask` function of a task module, loaded in this thread.
 *
 * @example const run = await loadTaskFunction(new URL("./forecast-task.js", import.meta.url));
 */
export async function loadTaskFunction<I, S, O>(moduleUrl: URL): Promise<TaskFunction<I, S, O>> {
  const module = (await import(moduleUrl.href)) as { runTask?: TaskFunction<I, S, O> };
  const run = module.runTask;
  if (typeof run !== "function") {
    throw new Error(`task module ${moduleUrl.href}: it does not export a function runTask`);
  }
  return run;
}
