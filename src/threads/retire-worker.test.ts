import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { retireWorker } from "./retire-worker.js";

const ECHO = `require("node:worker_threads").parentPort.on("message", (m) => require("node:worker_threads").parentPort.postMessage(m));`;

describe("retireWorker(worker, idleMs)", () => {
  it("retireWorker(worker, idleMs) lets the thread answer during the wait, then stops it", async () => {
    const worker = new Worker(ECHO, { eval: true });
    const exited = new Promise<number>((resolve) => worker.once("exit", resolve));
    const retired = retireWorker(worker, 1000);
    const echoed = new Promise((resolve) => worker.once("message", resolve));
    worker.postMessage("still here");
    expect(await echoed).toBe("still here");
    expect(await retired).toBe(1);
    expect(await exited).toBe(1);
  });

  it("retireWorker(worker, idleMs) rejects a negative or non-finite wait, naming idleMs, and leaves the thread running", async () => {
    const worker = new Worker(ECHO, { eval: true });
    try {
      await expect(retireWorker(worker, -1)).rejects.toThrow("idleMs: -1 is not a number >= 0");
      await expect(retireWorker(worker, Number.NaN)).rejects.toThrow("idleMs: NaN");
      const echoed = new Promise((resolve) => worker.once("message", resolve));
      worker.postMessage("running");
      expect(await echoed).toBe("running");
    } finally {
      await worker.terminate();
    }
  });
});
