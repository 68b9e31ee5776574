import type { Worker } from "node:worker_threads";

/**
 * Milliseconds a worker thread that has run hot code stays idle before it is stopped: longer than the longest
 * optimising (TurboFan) compile measured for a thread of `avails forecast` (108 ms, `--trace-opt-verbose` on
 * the classic monthly set; median 6-8 ms), so that the compiles its last tasks queued have finished.
 */
export const RETIRE_IDLE_MS = 150;

/**
 * Stops a worker thread after it has been idle `idleMs`, rather than at once. Node 20 unregisters a worker's
 * isolate from its platform before disposing of it; a compile still running on a background thread for that
 * isolate may then ask the platform for the isolate's task runner and abort the whole process ("Assertion
 * failed: (data.first) != nullptr" in NodePlatform::ForIsolate; fixed upstream by unregistering after the
 * dispose, v8/node#208). An idle thread queues no compiles, and the ones queued finish within the wait.
 * Resolves with the thread's exit code.
 *
 * @example
 * resolve(outputs);
 * void Promise.all(workers.map((worker) => retireWorker(worker)));
 */
export async function retireWorker(worker: Worker, idleMs = RETIRE_IDLE_MS): Promise<number> {
  if (!(Number.isFinite(idleMs) && idleMs >= 0)) throw new Error(`idleMs: ${idleMs} is not a number >= 0`);
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  return worker.terminate();
}
