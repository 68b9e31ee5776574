import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createProgress } from "./progress.js";

/** A stream that keeps what is written to it, as a terminal or as a log file. */
function sink(isTTY: boolean) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  stream.isTTY = isTTY;
  const writes: string[] = [];
  stream.on("data", (chunk: Buffer) => writes.push(chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

/** Lets the PassThrough deliver what was written. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("createProgress", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  test("off a terminal, a run whose only update was the last writes its line once", async () => {
    const { stream, writes } = sink(false);
    const progress = createProgress("forecast", stream);
    progress.update(1, 1, "a");
    progress.done();
    await flush();
    expect(writes).toEqual(["forecast [########################] 100% 1/1 a 0.0s\n"]);
  });

  test("off a terminal, lines come at most every 5 s, and done writes the last one not yet written", async () => {
    const { stream, writes } = sink(false);
    const progress = createProgress("forecast", stream);
    progress.update(1, 4, "a");
    vi.setSystemTime(new Date("2026-01-01T00:00:01Z"));
    progress.update(2, 4, "b");
    vi.setSystemTime(new Date("2026-01-01T00:00:06Z"));
    progress.update(3, 4, "c");
    vi.setSystemTime(new Date("2026-01-01T00:00:07Z"));
    progress.update(4, 4, "d");
    progress.done();
    await flush();
    expect(writes).toEqual([
      "forecast [######------------------] 25% 1/4 a 0.0s\n",
      "forecast [##################------] 75% 3/4 c 6.0s\n",
      "forecast [########################] 100% 4/4 d 7.0s\n",
    ]);
  });

  test("on a terminal, the bar is redrawn in place and done ends its line", async () => {
    const { stream, writes } = sink(true);
    const progress = createProgress("ingest", stream);
    progress.update(1, 2, "day 1");
    vi.setSystemTime(new Date("2026-01-01T00:00:00.500Z"));
    progress.update(2, 2, "day 2");
    progress.done();
    await flush();
    expect(writes).toEqual([
      "\r\x1b[2Kingest [############------------] 50% 1/2 day 1 0.0s",
      "\r\x1b[2Kingest [########################] 100% 2/2 day 2 0.5s",
      "\r\x1b[2Kingest [########################] 100% 2/2 day 2 0.5s\n",
    ]);
  });

  test("without a total, the line names the step and the time", async () => {
    const { stream, writes } = sink(false);
    const progress = createProgress("backfill", stream);
    progress.update(3, null, "2026-01-03");
    progress.done();
    await flush();
    expect(writes).toEqual(["backfill 2026-01-03 0.0s\n"]);
  });

  test("done writes nothing when nothing was reported", async () => {
    const { stream, writes } = sink(false);
    createProgress("forecast", stream).done();
    await flush();
    expect(writes).toEqual([]);
  });
});
