import { describe, expect, it } from "vitest";
import { runHereFirst } from "./run-here-first.js";

const SUM_TASK = new URL("./fixtures/sum-task.js", import.meta.url);
const SUM_TASK_TS = new URL("./fixtures/sum-task.ts", import.meta.url);

const tasks = (count: number, delayMs = 0) =>
  Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    input: { values: Float64Array.from([i, 1]), delayMs },
  }));

describe("runHereFirst", () => {
  it("runHereFirst(module, tasks, { workers: 0 }) runs every task here, in order, reporting progress", async () => {
    const progress: number[] = [];
    const outputs = await runHereFirst<unknown, { scale: number }, { sum: number; threadId: number }>(
      SUM_TASK,
      tasks(5),
      { shared: { scale: 3 }, workers: 0, handOverAfterMs: 0, onProgress: (done) => progress.push(done) },
    );
    expect(outputs.map((o) => [o.sum, o.threadId])).toEqual([
      [3, 0],
      [6, 0],
      [9, 0],
      [12, 0],
      [15, 0],
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it("runHereFirst(module, tasks) hands the tasks after the third to workers once the work left is over handOverAfterMs", async () => {
    const outputs = await runHereFirst<unknown, { scale: number }, { sum: number; threadId: number }>(
      SUM_TASK,
      tasks(200, 10),
      { shared: { scale: 1 }, workers: 2, handOverAfterMs: 20 },
    );
    expect(outputs.map((o) => o.sum)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(outputs.slice(0, 3).map((o) => o.threadId)).toEqual([0, 0, 0]);
    expect(outputs.at(-1)?.threadId).not.toBe(0);
  });

  it("runHereFirst(TypeScript module, tasks) keeps every task here: a worker thread cannot load it", async () => {
    const outputs = await runHereFirst<unknown, { scale: number }, { sum: number; threadId: number }>(
      SUM_TASK_TS,
      tasks(6),
      { shared: { scale: 1 }, workers: 2, handOverAfterMs: 0 },
    );
    expect(outputs.map((o) => o.threadId)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("runHereFirst(module, tasks, options) rejects a bad worker count or threshold by name", async () => {
    await expect(runHereFirst(SUM_TASK, tasks(1), { workers: -1, handOverAfterMs: 0 })).rejects.toThrow(
      "workers: -1 is not a whole number >= 0",
    );
    await expect(runHereFirst(SUM_TASK, tasks(1), { workers: 1.5, handOverAfterMs: 0 })).rejects.toThrow(
      "workers: 1.5 is not a whole number >= 0",
    );
    await expect(
      runHereFirst(SUM_TASK, tasks(1), { workers: 1, handOverAfterMs: Number.NaN }),
    ).rejects.toThrow("handOverAfterMs: NaN is not a number >= 0");
  });
});
