import { describe, expect, it } from "vitest";
import { ThreadSet } from "./thread-set.js";

const SUM_TASK = new URL("./fixtures/sum-task.js", import.meta.url);

interface SumOutput {
  sum: number;
  threadId: number;
}

const task = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `s${i}`,
  input: { values: Float64Array.from({ length: i + 1 }, (_, t) => t + 1), ...extra },
});

describe("ThreadSet", () => {
  it("threads.run(tasks) returns outputs in task order, and the same threads serve the next run", async () => {
    const threads = new ThreadSet<unknown, SumOutput>(SUM_TASK, { scale: 2 }, 2);
    try {
      const first = await threads.run(Array.from({ length: 20 }, (_, i) => task(i)));
      expect(first.map((o) => o.sum)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * (i + 2)));
      const second = await threads.run([task(3), task(0)]);
      expect(second.map((o) => o.sum)).toEqual([20, 2]);
      const used = new Set([...first, ...second].map((o) => o.threadId));
      expect(used.has(0)).toBe(false);
      expect(used.size).toBeLessThanOrEqual(2);
    } finally {
      await threads.close();
    }
  });

  it("threads.run(tasks) of two callers at once share the threads", async () => {
    const threads = new ThreadSet<unknown, SumOutput>(SUM_TASK, { scale: 1 }, 2);
    try {
      const [a, b] = await Promise.all([threads.run([task(1), task(2)]), threads.run([task(4)])]);
      expect(a.map((o) => o.sum)).toEqual([3, 6]);
      expect(b.map((o) => o.sum)).toEqual([15]);
    } finally {
      await threads.close();
    }
  });

  it("threads.run rejects naming the series whose task threw, and the set keeps working", async () => {
    const threads = new ThreadSet<unknown, SumOutput>(SUM_TASK, { scale: 1 }, 1);
    try {
      await expect(threads.run([task(0), task(1, { fail: "this" })])).rejects.toThrow(
        'series "s1": cannot sum this',
      );
      expect(threads.broken).toBeNull();
      expect((await threads.run([task(2)]))[0].sum).toBe(6);
    } finally {
      await threads.close();
    }
  });

  it("a thread that stops breaks the set: its tasks and later runs reject", async () => {
    const threads = new ThreadSet<unknown, SumOutput>(SUM_TASK, { scale: 1 }, 1);
    try {
      await expect(threads.run([task(0, { crash: true })])).rejects.toThrow(
        "a worker thread stopped with code 3",
      );
      expect(threads.broken?.message).toBe("a worker thread stopped with code 3");
      await expect(threads.run([task(1)])).rejects.toThrow("stopped with code 3");
    } finally {
      await threads.close();
    }
  });

  it("new ThreadSet refuses a TypeScript module and a thread count below 1", () => {
    expect(() => new ThreadSet(new URL("./fixtures/sum-task.ts", import.meta.url), {}, 1)).toThrow(
      "a worker thread needs a built (.js) module",
    );
    expect(() => new ThreadSet(SUM_TASK, {}, 0)).toThrow("threads: 0 is not a whole number >= 1");
  });
});
