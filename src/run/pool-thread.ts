import { Worker } from "node:worker_threads";

/** Messages from a pool worker. */
export type FromWorker =
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

export type WorkerEvent =
  | { kind: "message"; message: FromWorker }
  | { kind: "error"; error: Error }
  | { kind: "exit"; code: number };

/** A worker thread whose events wait in a queue until a pool listens. */
export class PoolThread {
  readonly worker: Worker;
  readonly moduleHref: string;
  readonly #queued: WorkerEvent[] = [];
  #listener: ((event: WorkerEvent) => void) | null = null;

  constructor(moduleUrl: URL, shared: unknown) {
    this.moduleHref = moduleUrl.href;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { url: moduleUrl.href, shared },
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    const deliver = (event: WorkerEvent) => {
      if (this.#listener === null) this.#queued.push(event);
      else this.#listener(event);
    };
    this.worker.on("message", (message: FromWorker) => deliver({ kind: "message", message }));
    this.worker.on("error", (error: Error) => deliver({ kind: "error", error }));
    this.worker.on("exit", (code: number) => deliver({ kind: "exit", code }));
  }

  /** Hands the events so far, then every later one, to `listener`. */
  listen(listener: (event: WorkerEvent) => void): void {
    this.#listener = listener;
    for (const event of this.#queued.splice(0)) listener(event);
  }
}
