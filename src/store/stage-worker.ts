import { parentPort, workerData } from "node:worker_threads";
import type { Source } from "../events/list-sources.js";
import { IdSightings } from "./id-sightings.js";
import { emptyCounts, type StageSettings, stageFile } from "./stage-file.js";
import { createStagedEventsFile } from "./staged-events.js";
import { StagingFile } from "./staging-file.js";

/** What the coordinator tells a staging worker at start. */
export interface StageWorkerData {
  settings: StageSettings;
  eventsPath: string;
  quarantinePath: string;
  /** The run's id sightings, shared by every staging thread. */
  sightings: SharedArrayBuffer;
}

/** Messages from the coordinator to a staging worker: a file to stage, or the end of the run. */
export type ToWorker = { type: "file"; source: Source } | { type: "finish" };
/** Messages from a staging worker: ready, progress, a file done, its final counts, or a failure. */
export type FromWorker =
  | { type: "ready" }
  | { type: "rows"; rows: number }
  | { type: "file-done" }
  | { type: "finished"; counts: ReturnType<typeof emptyCounts>; eventsRows: number; quarantineRows: number }
  | { type: "failed"; message: string };

// A worker thread: stages the files the coordinator hands it, one at a time, into its own staging files.
if (parentPort !== null) {
  const port = parentPort;
  const data = workerData as StageWorkerData;
  const eventsFile = createStagedEventsFile(data.eventsPath, data.settings.config);
  const quarantineFile = new StagingFile(data.quarantinePath);
  const counts = emptyCounts();
  const sightings = new IdSightings(data.sightings);
  const send = (message: FromWorker) => port.postMessage(message);
  port.on("message", (message: ToWorker) => {
    if (message.type === "finish") {
      eventsFile.close();
      quarantineFile.close();
      send({ type: "finished", counts, eventsRows: eventsFile.rows, quarantineRows: quarantineFile.rows });
      return;
    }
    stageFile(message.source, data.settings, eventsFile, quarantineFile, counts, sightings, (rows) =>
      send({ type: "rows", rows }),
    )
      .then(() => send({ type: "file-done" }))
      .catch((error: unknown) => send({ type: "failed", message: (error as Error).message }));
  });
  send({ type: "ready" });
}
