import { retireWorker } from "../threads/retire-worker.js";
import { type FromWorker, PoolThread } from "./pool-thread.js";
import type { PoolTask } from "./worker-pool.js";

/** Tasks handed to a thread ahead of the one it works on, as runPool does. */
const IN_FLIGHT_PER_THREAD = 2;

interface Waiting {
  readonly task: PoolTask<unknown>;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Worker threads that stay up between batches of tasks of one module and shared settings: what a long-running
 * `avails worker` runs its shards on, so that it loads the task module once rather than once per shard (runPool
 * starts and stops its threads on every call). Tasks of concurrent `run` calls share the threads, first come
 * first served. When a thread fails or stops, every task waiting or in flight is rejected and the set is
 * `broken`: its owner starts a new one.
 *
 * @example
 * const threads = new ThreadSet(new URL("./hierarchy-task.js", import.meta.url), settings, 4);
 * const outputs = await threads.run(tasks); // in task order
 * await threads.close();
 */
export class ThreadSet<I, O> {
  readonly moduleUrl: URL;
  readonly #threads: PoolThread[];
  /** The tasks each thread holds, oldest (the one it works on) first. */
  readonly #held: Waiting[][];
  readonly #queue: Waiting[] = [];
  readonly #ready: boolean[];
  #broken: Error | null = null;
  #closed = false;

  constructor(moduleUrl: URL, shared: unknown, count: number) {
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`threads: ${count} is not a whole number >= 1`);
    if (moduleUrl.pathname.endsWith(".ts")) {
      throw new Error(`task module ${moduleUrl.href}: a worker thread needs a built (.js) module`);
    }
    this.moduleUrl = moduleUrl;
    this.#threads = Array.from({ length: count }, () => new PoolThread(moduleUrl, shared));
    this.#held = this.#threads.map(() => []);
    this.#ready = this.#threads.map(() => false);
    this.#threads.forEach((thread, t) => {
      thread.listen((event) => {
        if (event.kind === "message") this.#onMessage(t, event.message);
        else if (event.kind === "error")
          this.#fail(new Error(`a worker thread failed: ${event.error.message}`));
        else if (!this.#closed) this.#fail(new Error(`a worker thread stopped with code ${event.code}`));
      });
    });
  }

  /** Threads in the set. */
  get size(): number {
    return this.#threads.length;
  }

  /** Why the set stopped working (a thread failed or stopped), or null while it works. */
  get broken(): Error | null {
    return this.#broken;
  }

  /** Runs the tasks on the threads; resolves with their outputs in task order, rejects naming a failed series. */
  run(tasks: readonly PoolTask<I>[]): Promise<O[]> {
    if (this.#broken !== null) return Promise.reject(this.#broken);
    const outputs = tasks.map(
      (task) =>
        new Promise<O>((resolve, reject) => {
          this.#queue.push({ task, resolve: resolve as (output: unknown) => void, reject });
        }),
    );
    this.#handOut();
    return Promise.all(outputs);
  }

  /** Stops the threads (idle ones after `retireWorker`'s wait); tasks still waiting are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const busy = this.#held.map((held) => held.length > 0);
    this.#fail(new Error("the worker threads were stopped"));
    await Promise.all(
      this.#threads.map((thread, t) => (busy[t] ? thread.worker.terminate() : retireWorker(thread.worker))),
    );
  }

  #onMessage(t: number, message: FromWorker): void {
    const held = this.#held[t];
    switch (message.type) {
      case "ready":
        this.#ready[t] = true;
        break;
      case "done":
        held.shift()?.resolve(message.output);
        break;
      case "failed": {
        const waiting = held.shift();
        waiting?.reject(new Error(`series ${JSON.stringify(waiting.task.id)}: ${message.message}`));
        break;
      }
      case "load-failed":
        this.#fail(new Error(`task module ${this.moduleUrl.href}: ${message.message}`));
        return;
    }
    this.#handOut();
  }

  #handOut(): void {
    // Called after every message and every new task: fills each ready thread up to its in-flight limit.
    for (let t = 0; t < this.#threads.length && this.#queue.length > 0; t++) {
      if (!this.#ready[t]) continue;
      const held = this.#held[t];
      while (held.length < IN_FLIGHT_PER_THREAD && this.#queue.length > 0) {
        const waiting = this.#queue.shift() as Waiting;
        held.push(waiting);
        this.#threads[t].worker.postMessage(
          { index: 0, input: waiting.task.input },
          (waiting.task.transfer ?? []) as ArrayBuffer[],
        );
      }
    }
  }

  #fail(error: Error): void {
    if (this.#broken === null) this.#broken = error;
    for (const waiting of this.#queue.splice(0)) waiting.reject(error);
    for (const held of this.#held) for (const waiting of held.splice(0)) waiting.reject(error);
  }
}
