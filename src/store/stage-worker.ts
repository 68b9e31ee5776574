import { parentPort, workerData } from "node:worker_threads";
import type { Source } from "../events/list-sources.js";
import { IdHashes } from "./id-hashes.js";
import { emptyCounts, type StageSettings, stageFile } from "./stage-file.js";
import { createStagedEventsFile } from "./staged-events.js";
import { StagingFile } from "./staging-file.js";

/** What the coordinator tells a staging worker at start. */
export interface StageWorkerData {
  settings: StageSettings;
  eventsPath: string;
  quarantinePath: string;
}

/** Messages from the coordinator to a staging worker: a file to stage, or the end of the run. */
export type ToWorker = { type: "file"; source: Source } | { type: "finish" };
/** Messages from a staging worker: ready, progress, a file done, its final counts, or a failure. */
export type FromWorker =
  | { type: "ready" }
  | { type: "rows"; rows: number }
  | { type: "file-done" }
  | {
      type: "finished";
      counts: ReturnType<typeof emptyCounts>;
      eventsRows: number;
      quarantineRows: number;
      /** The hashes of the ids this worker staged, sorted. */
      hashes: Uint32Array;
    }
  | { type: "failed"; message: string };

// A worker thread: stages the files the coordinator hands it, one at a time, into its own staging files.
if (parentPort !== null) {
  const port = parentPort;
  const data = workerData as StageWorkerData;
  const eventsFile = createStagedEventsFile(data.eventsPath, data.settings.config);
  const quarantineFile = new StagingFile(data.quarantinePath);
  const counts = emptyCounts();
  const hashes = new IdHashes();
  const send = (message: FromWorker) => port.postMessage(message);
  port.on("message", (message: ToWorker) => {
    if (message.type === "finish") {
      eventsFile.close();
      quarantineFile.close();
      const sorted = hashes.sorted();
      // Handed over, not copied.
      port.postMessage(
        {
          type: "finished",
          counts,
          eventsRows: eventsFile.rows,
          quarantineRows: quarantineFile.rows,
          hashes: sorted,
        } satisfies FromWorker,
        [sorted.buffer as ArrayBuffer],
      );
      return;
    }
    stageFile(message.source, data.settings, eventsFile, quarantineFile, counts, hashes, (rows) =>
      send({ type: "rows", rows }),
    )
      .then(() => send({ type: "file-done" }))
      .catch((error: unknown) => send({ type: "failed", message: (error as Error).message }));
  });
  send({ type: "ready" });
}
