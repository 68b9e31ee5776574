import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type PoolTask, runPool, startWorkers } from "./worker-pool.js";

const SUM_TASK = new URL("./fixtures/sum-task.js", import.meta.url);
const SUM_TASK_TS = new URL("./fixtures/sum-task.ts", import.meta.url);
const NO_TASK = new URL("./fixtures/no-task.js", import.meta.url);
const BROKEN = new URL("./fixtures/broken-module.js", import.meta.url);

interface SumInput {
  values: Float64Array;
  fail?: string;
  crash?: boolean;
  delayMs?: number;
  heartbeat?: SharedArrayBuffer;
}
interface SumOutput {
  sum: number;
  threadId: number;
  received: number;
  doubled: Float64Array;
}

/** Series i holds 1, 2, ..., i + 1 (a sum of (i + 1)(i + 2) / 2); each task takes at least `delayMs` when given. */
function seriesTasks(count: number, delayMs?: number): PoolTask<SumInput>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    input: {
      values: Float64Array.from({ length: i + 1 }, (_, t) => t + 1),
      ...(delayMs === undefined ? {} : { delayMs }),
    },
  }));
}

const sumOf = (i: number) => ((i + 1) * (i + 2)) / 2;

afterEach(() => {
  delete process.env.AVAILS_WORKERS;
});

describe("runPool on worker threads", () => {
  it("runPool(module, tasks, { workers: 2 }) returns each task's output in task order", async () => {
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(40), {
      workers: 2,
      shared: { scale: 10 },
    });
    expect(outputs.map((o) => o.sum)).toEqual(Array.from({ length: 40 }, (_, i) => 10 * sumOf(i)));
    const threads = new Set(outputs.map((o) => o.threadId));
    expect(threads.has(0)).toBe(false);
    expect(threads.size).toBeLessThanOrEqual(2);
  });

  it("runPool(module, tasks) returns typed arrays from the workers as typed arrays", async () => {
    const [output] = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(1), {
      workers: 1,
      shared: { scale: 1 },
    });
    expect(output.doubled).toBeInstanceOf(Float64Array);
    expect(Array.from(output.doubled)).toEqual([2]);
  });

  it("runPool(module, tasks) moves the buffers a task lists instead of copying them", async () => {
    const values = Float64Array.from([1, 2, 3]);
    const task = { id: "moved", input: { values }, transfer: [values.buffer] };
    const [output] = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, [task], {
      workers: 1,
      shared: { scale: 1 },
    });
    expect(output).toMatchObject({ sum: 6, received: 3 });
    expect(values.length).toBe(0);
  });

  it("runPool(module, tasks) starts no more workers than tasks", async () => {
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(1), {
      workers: 8,
      shared: { scale: 1 },
    });
    expect(outputs.map((o) => o.sum)).toEqual([1]);
  });

  it("runPool(module, tasks) reports progress once per task, up to the total", async () => {
    const calls: Array<[number, number, string]> = [];
    await runPool(SUM_TASK, seriesTasks(5), {
      workers: 2,
      shared: { scale: 1 },
      onProgress: (done, total, id) => calls.push([done, total, id]),
    });
    expect(calls.map(([done]) => done)).toEqual([1, 2, 3, 4, 5]);
    expect(calls.every(([, total]) => total === 5)).toBe(true);
    expect(calls.map(([, , id]) => id).sort()).toEqual(["s0", "s1", "s2", "s3", "s4"]);
  });

  it("runPool(module, tasks) rejects naming the series whose task threw", async () => {
    const tasks = seriesTasks(6);
    tasks[4] = { id: "SE,mobile", input: { values: new Float64Array(1), fail: "this" } };
    await expect(runPool(SUM_TASK, tasks, { workers: 2, shared: { scale: 1 } })).rejects.toThrow(
      'series "SE,mobile": cannot sum this',
    );
  });

  it("runPool(module, tasks) rejects naming the series whose worker died", async () => {
    const tasks = seriesTasks(3);
    tasks[1] = { id: "crasher", input: { values: new Float64Array(1), crash: true } };
    await expect(runPool(SUM_TASK, tasks, { workers: 2, shared: { scale: 1 } })).rejects.toThrow(
      'series "crasher": the worker stopped with code 3',
    );
  });

  it("runPool(module, tasks) stops the other workers when a task fails", async () => {
    const heartbeat = new SharedArrayBuffer(8);
    const beats = new Int32Array(heartbeat);
    const tasks: PoolTask<SumInput>[] = [
      // The first worker ready takes the first two tasks; the failing one goes to the other worker.
      { id: "long-1", input: { values: new Float64Array(1), heartbeat } },
      { id: "long-2", input: { values: new Float64Array(1), heartbeat } },
      { id: "bad", input: { values: new Float64Array(1), fail: "bad" } },
    ];
    await expect(runPool(SUM_TASK, tasks, { workers: 2, shared: { scale: 1 } })).rejects.toThrow(
      'series "bad": cannot sum bad',
    );
    await sleep(50);
    const after = Atomics.load(beats, 0);
    await sleep(300);
    expect(Atomics.load(beats, 0)).toBe(after);
  });

  it("runPool(module, tasks) rejects a module without runTask, and one that fails to load", async () => {
    await expect(runPool(NO_TASK, seriesTasks(2), { workers: 2 })).rejects.toThrow(
      `task module ${NO_TASK.href}: it does not export a function runTask`,
    );
    await expect(runPool(BROKEN, seriesTasks(2), { workers: 2 })).rejects.toThrow(
      `task module ${BROKEN.href}: this module is broken`,
    );
  });
});

describe("startWorkers, then runPool", () => {
  it("runPool(module, tasks, { started }) runs the tasks on the workers started before them", async () => {
    const started = startWorkers(SUM_TASK, { workers: 2, shared: { scale: 3 } });
    expect(started.count).toBe(2);
    await sleep(20); // the input being read meanwhile
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(6), {
      shared: { scale: 3 },
      started,
    });
    expect(outputs.map((o) => o.sum)).toEqual(Array.from({ length: 6 }, (_, i) => 3 * sumOf(i)));
    expect(outputs.some((o) => o.threadId === 0)).toBe(false);
  });

  it("startWorkers without a count starts none, and runPool runs a short job in this thread", async () => {
    const started = startWorkers(SUM_TASK, { shared: { scale: 1 } });
    expect(started.count).toBe(0);
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(40), {
      shared: { scale: 1 },
      started,
    });
    expect(outputs.map((o) => o.sum)).toEqual(Array.from({ length: 40 }, (_, i) => sumOf(i)));
    expect(outputs.every((o) => o.threadId === 0)).toBe(true);
    process.env.AVAILS_WORKERS = "2";
    const given = startWorkers(SUM_TASK, { shared: { scale: 1 } });
    expect(given.count).toBe(2);
    await given.stop();
  });

  it("runPool(module, tasks, { started }) without a count hands a long job to worker threads after three tasks here", async () => {
    // 200 tasks of 10 ms: a worker is ready long before this thread could finish them.
    const tasks = seriesTasks(200, 10);
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, tasks, {
      shared: { scale: 2 },
      started: startWorkers(SUM_TASK, { shared: { scale: 2 } }),
      handOverAfterMs: 50,
    });
    expect(outputs.map((o) => o.sum)).toEqual(Array.from({ length: 200 }, (_, i) => 2 * sumOf(i)));
    expect(outputs.slice(0, 3).every((o) => o.threadId === 0)).toBe(true);
    // Once a worker is ready this thread takes no more: the workers did the end.
    expect(outputs.at(-1)?.threadId).not.toBe(0);
  });

  it("runPool(module, tasks, { started }) without a count keeps a job here while the work left is under handOverAfterMs", async () => {
    const tasks = seriesTasks(6, 5);
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, tasks, {
      shared: { scale: 1 },
      started: startWorkers(SUM_TASK, { shared: { scale: 1 } }),
      handOverAfterMs: 60_000,
    });
    expect(outputs.map((o) => o.threadId)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("runPool(module, tasks, { started }) without a count rejects naming the series whose task failed, here or on a worker", async () => {
    const here = seriesTasks(5);
    here[1] = { id: "early", input: { values: new Float64Array(1), fail: "early" } };
    await expect(
      runPool(SUM_TASK, here, { shared: { scale: 1 }, started: startWorkers(SUM_TASK), handOverAfterMs: 0 }),
    ).rejects.toThrow('series "early": cannot sum early');
    const late = seriesTasks(100, 10);
    late[99] = { id: "late", input: { values: new Float64Array(1), fail: "late" } };
    await expect(
      runPool(SUM_TASK, late, { shared: { scale: 1 }, started: startWorkers(SUM_TASK), handOverAfterMs: 50 }),
    ).rejects.toThrow('series "late": cannot sum late');
  });

  it("runPool(module, tasks, { started }) uses no more started workers than tasks", async () => {
    const started = startWorkers(SUM_TASK, { workers: 3, shared: { scale: 1 } });
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(1), {
      started,
    });
    expect(outputs.map((o) => o.sum)).toEqual([1]);
    expect(await runPool(SUM_TASK, [], { started: startWorkers(SUM_TASK, { workers: 2 }) })).toEqual([]);
  });

  it("runPool(module, tasks, { started }) reports a module that failed to load before the tasks came", async () => {
    const started = startWorkers(BROKEN, { workers: 1 });
    await sleep(200);
    await expect(runPool(BROKEN, seriesTasks(2), { started })).rejects.toThrow(
      `task module ${BROKEN.href}: this module is broken`,
    );
  });

  it("startWorkers(TypeScript module) starts none: the tasks run here", async () => {
    const started = startWorkers(SUM_TASK_TS, { workers: 2 });
    expect(started.count).toBe(0);
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK_TS, seriesTasks(2), {
      shared: { scale: 1 },
      started,
    });
    expect(outputs.map((o) => o.threadId)).toEqual([0, 0]);
  });

  it("runPool rejects started workers that were stopped, taken, or started for another module", async () => {
    const stopped = startWorkers(SUM_TASK, { workers: 1 });
    await stopped.stop();
    await expect(runPool(SUM_TASK, seriesTasks(1), { started: stopped })).rejects.toThrow(
      "started: these workers were already taken or stopped",
    );
    const other = startWorkers(NO_TASK, { workers: 1 });
    await expect(runPool(SUM_TASK, seriesTasks(1), { started: other })).rejects.toThrow(
      `started: workers started by startWorkers for ${SUM_TASK.href}`,
    );
    await other.stop();
    expect(() => startWorkers(SUM_TASK, { workers: -1 })).toThrow("workers: -1 is not a whole number >= 0");
  });
});

describe("runPool in this thread", () => {
  it("runPool(module, tasks, { workers: 0 }) runs every task here, in order", async () => {
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(5), {
      workers: 0,
      shared: { scale: 2 },
    });
    expect(outputs.map((o) => o.sum)).toEqual([2, 6, 12, 20, 30]);
    expect(outputs.every((o) => o.threadId === 0)).toBe(true);
  });

  it("runPool(TypeScript module, tasks) runs here whatever the workers asked for", async () => {
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK_TS, seriesTasks(3), {
      workers: 2,
      shared: { scale: 1 },
    });
    expect(outputs.map((o) => [o.sum, o.threadId])).toEqual([
      [1, 0],
      [3, 0],
      [6, 0],
    ]);
  });

  it("runPool(module, tasks) takes AVAILS_WORKERS when no workers are given", async () => {
    process.env.AVAILS_WORKERS = "0";
    const outputs = await runPool<SumInput, { scale: number }, SumOutput>(SUM_TASK, seriesTasks(2), {
      shared: { scale: 1 },
    });
    expect(outputs.map((o) => o.threadId)).toEqual([0, 0]);
  });

  it("runPool(module, tasks, { workers: 0 }) reports progress and rejects naming the failing series", async () => {
    const tasks = seriesTasks(4);
    tasks[2] = { id: "third", input: { values: new Float64Array(1), fail: "it" } };
    const done: number[] = [];
    await expect(
      runPool(SUM_TASK, tasks, { workers: 0, shared: { scale: 1 }, onProgress: (n) => done.push(n) }),
    ).rejects.toThrow('series "third": cannot sum it');
    expect(done).toEqual([1, 2]);
  });

  it("runPool(module, tasks, { workers: 0 }) rejects a module without runTask", async () => {
    await expect(runPool(NO_TASK, seriesTasks(1), { workers: 0 })).rejects.toThrow(
      `task module ${NO_TASK.href}: it does not export a function runTask`,
    );
  });
});

describe("runPool arguments", () => {
  it("runPool(module, []) is empty without starting anything, even for a broken module", async () => {
    expect(await runPool(BROKEN, [], { workers: 2 })).toEqual([]);
  });

  it("runPool(module, tasks) throws naming a bad workers option or AVAILS_WORKERS", async () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      await expect(runPool(SUM_TASK, seriesTasks(1), { workers: bad }), String(bad)).rejects.toThrow(
        `workers: ${bad} is not a whole number >= 0`,
      );
    }
    process.env.AVAILS_WORKERS = "many";
    await expect(runPool(SUM_TASK, seriesTasks(1))).rejects.toThrow(
      'AVAILS_WORKERS: "many" is not a whole number >= 0',
    );
  });
});
