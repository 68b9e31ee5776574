import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { listSources, type Source } from "../events/list-sources.js";
import { retireWorker } from "../threads/retire-worker.js";
import { IdHashes, repeatedHashes } from "./id-hashes.js";
import { ParquetFile } from "./parquet-file.js";
import { addCounts, emptyCounts, type StageCounts, type StageSettings, stageFile } from "./stage-file.js";
import type { FromWorker, StageWorkerData, ToWorker } from "./stage-worker.js";
import { createStagedEventsFile } from "./staged-events.js";
import { StagingFile } from "./staging-file.js";
import type { ProgressListener } from "./store.js";

/** A staging file and the rows in it. */
export interface StagedFile {
  path: string;
  rows: number;
}

/**
 * What staging produced: counts, the Parquet files of valid events, the CSV files of rejected rows, and a
 * Parquet file of the id hashes (`_id_hash`) more than one staged event has.
 */
export interface StageResult {
  sources: string[];
  counts: StageCounts;
  eventsFiles: StagedFile[];
  quarantineFiles: StagedFile[];
  repeatedHashesFile: StagedFile;
}

/** Young-generation size of a staging worker: parsing makes many short-lived objects, and a larger nursery
 * halves the time spent collecting them. */
const WORKER_YOUNG_GENERATION_MB = 64;

const WORKER_URL = new URL("./stage-worker.js", import.meta.url);

/** Workers need the compiled worker file; running from TypeScript sources (tests) stages in this thread. */
function workerCount(sources: number, maxWorkers = Number.POSITIVE_INFINITY): number {
  if (!WORKER_URL.pathname.endsWith(".js") || !import.meta.url.endsWith(".js")) return 0;
  const configured =
    process.env.AVAILS_WORKERS === undefined ? Number.NaN : Number(process.env.AVAILS_WORKERS);
  const wanted = Number.isInteger(configured) && configured >= 0 ? configured : availableParallelism();
  return Math.min(wanted, sources, 8, maxWorkers);
}

/**
 * Reads every source, validates each row, and writes valid events and rejected rows to staging files in `dir`,
 * on worker threads (one per core, files handed out as workers free up) when it can. Nothing reaches the store
 * here: the caller loads the staging files in one transaction.
 */
export async function stageSources(
  paths: readonly string[],
  settings: StageSettings,
  dir: string,
  onProgress?: ProgressListener,
  maxWorkers?: number,
): Promise<StageResult> {
  const sources = await listSources(paths);
  const workers = workerCount(sources.length, maxWorkers);
  onProgress?.(0, sources.length, "rows 0");
  const { hashes, ...result } =
    workers === 0
      ? await stageHere(sources, settings, dir, onProgress)
      : await stageOnWorkers(sources, settings, dir, workers, onProgress);
  const repeated = new ParquetFile(join(dir, "repeated-hashes.parquet"), [
    { name: "_id_hash", type: "int64" },
  ]);
  for (const hash of repeatedHashes(hashes)) {
    repeated.columns[0].int64(hash);
    repeated.endRow();
  }
  repeated.close();
  return {
    sources: sources.map((s) => s.path),
    ...result,
    repeatedHashesFile: { path: repeated.path, rows: repeated.rows },
  };
}

/** What the staging threads produced, with each thread's sorted id hashes. */
type Staged = Omit<StageResult, "sources" | "repeatedHashesFile"> & { hashes: Uint32Array[] };

function withSource(source: Source, message: string): Error {
  return new Error(message.startsWith(source.path) ? message : `${source.path}: ${message}`);
}

async function stageHere(
  sources: Source[],
  settings: StageSettings,
  dir: string,
  onProgress?: ProgressListener,
): Promise<Staged> {
  const hashes = new IdHashes();
  const eventsFile = createStagedEventsFile(join(dir, "events-0.parquet"), settings.config);
  const quarantineFile = new StagingFile(join(dir, "quarantine-0.csv"));
  const counts = emptyCounts();
  try {
    for (let s = 0; s < sources.length; s++) {
      await stageFile(sources[s], settings, eventsFile, quarantineFile, counts, hashes, () =>
        onProgress?.(s, sources.length, `rows ${counts.rowsRead}`),
      ).catch((error: unknown) => {
        throw withSource(sources[s], (error as Error).message);
      });
      onProgress?.(s + 1, sources.length, `rows ${counts.rowsRead}`);
    }
  } finally {
    eventsFile.close();
    quarantineFile.close();
  }
  return {
    counts,
    eventsFiles: [{ path: eventsFile.path, rows: eventsFile.rows }],
    quarantineFiles: [{ path: quarantineFile.path, rows: quarantineFile.rows }],
    hashes: [hashes.sorted()],
  };
}

function stageOnWorkers(
  sources: Source[],
  settings: StageSettings,
  dir: string,
  count: number,
  onProgress?: ProgressListener,
): Promise<Staged> {
  return new Promise((resolve, reject) => {
    const counts = emptyCounts();
    const eventsFiles: StagedFile[] = [];
    const quarantineFiles: StagedFile[] = [];
    const hashes: Uint32Array[] = [];
    const pool: Worker[] = [];
    let next = 0;
    let filesDone = 0;
    let rowsRead = 0;
    let finished = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of pool) void worker.terminate();
      reject(error);
    };
    for (let w = 0; w < count; w++) {
      const data: StageWorkerData = {
        settings,
        eventsPath: join(dir, `events-${w}.parquet`),
        quarantinePath: join(dir, `quarantine-${w}.csv`),
      };
      const worker = new Worker(WORKER_URL, {
        workerData: data,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      pool.push(worker);
      let current: Source | undefined;
      let workerFinished = false;
      const handOut = () => {
        current = sources[next++];
        const message: ToWorker =
          current === undefined ? { type: "finish" } : { type: "file", source: current };
        worker.postMessage(message);
      };
      worker.on("message", (message: FromWorker) => {
        if (failed) return;
        switch (message.type) {
          case "ready":
            handOut();
            break;
          case "rows":
            rowsRead += message.rows;
            onProgress?.(filesDone, sources.length, `rows ${rowsRead}`);
            break;
          case "file-done":
            filesDone++;
            onProgress?.(filesDone, sources.length, `rows ${rowsRead}`);
            handOut();
            break;
          case "failed":
            fail(current === undefined ? new Error(message.message) : withSource(current, message.message));
            break;
          case "finished":
            workerFinished = true;
            addCounts(counts, message.counts);
            eventsFiles.push({ path: data.eventsPath, rows: message.eventsRows });
            quarantineFiles.push({ path: data.quarantinePath, rows: message.quarantineRows });
            hashes.push(message.hashes);
            void retireWorker(worker);
            if (++finished === count) resolve({ counts, eventsFiles, quarantineFiles, hashes });
            break;
        }
      });
      worker.on("error", (error) => fail(error));
      worker.on("exit", (code) => {
        if (!workerFinished) fail(new Error(`a staging worker stopped with code ${code}`));
      });
    }
  });
}
