import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { RunsConfig } from "../config/schema.js";
import { checkArray } from "./check-array.js";
import { fromExactJson, toExactJson } from "./exact-json.js";
import { insertSnapshot, readScoredRows, type ScoredRows, type ScoreQuery } from "./forecast-snapshots.js";
import { notifyPublication, watchPublications } from "./publication-watch.js";
import { readRunFiles, verifyRunFiles, writeRunFiles } from "./run-files.js";
import { evaluateGates } from "./run-gates.js";
import { formatRunId, parseRunId } from "./run-id.js";
import type { GateReport, LoadedRun, RunInfo, RunPayload, RunStatus, RunSummary } from "./run-payload.js";

/**
 * The steps of `create`, for tests that crash the process between them: an array file written (before the
 * manifest), all files written, the folder renamed into place (before the commit), the row committed.
 */
export type CreateStep = "array" | "written" | "renamed" | "committed";

/** Options of `create`. */
export interface CreateRunOptions {
  /** Called after each step; a test may kill the process here to check that nothing half-written shows. */
  onStep?: (step: CreateStep) => void;
}

/** What a publish did. */
export interface PublishResult {
  id: string;
  /** The run that was published before, null when none was. */
  previous: string | null;
  gates: GateReport;
  /** Published although a gate failed. */
  forced: boolean;
  /** The run was the published one already; nothing changed. */
  unchanged: boolean;
}

/** What a rollback did. */
export interface RollbackResult {
  from: string;
  to: string;
}

/** A publish refused by the gates; the report says which failed and why. */
export class RunGateError extends Error {
  constructor(
    readonly id: string,
    readonly report: GateReport,
  ) {
    const failures = report.results.flatMap((r) => r.failures.map((f) => `${r.gate}: ${f.message}`));
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more: avails runs show ${id})` : "";
    super(`${id} not published, a gate failed: ${failures[0]}${more}; --force publishes it anyway`);
  }
}

/** Versioned forecast runs of a store: their files under `runs/`, their rows, and the published pointer. */
export interface ForecastRuns {
  /** Writes a run (files, then its row) and returns its id; its status is `pending`. */
  create(payload: RunPayload, options?: CreateRunOptions): Promise<string>;
  /** Records a run that failed before it had a payload. */
  recordFailure(run: Pick<RunPayload, "configHash" | "seed" | "watermark">, error: string): Promise<string>;
  /** The published run with its payload (only the arrays named, when given), null when none is published. */
  readPublished<M = unknown>(arrays?: readonly string[]): Promise<LoadedRun<M> | null>;
  /** The id of the published run without its payload (cheap), null when none is published. */
  publishedId(): Promise<string | null>;
  /**
   * Calls `listener` after each publish or rollback of this store folder in this process (through any handle
   * on it); returns the function that stops it.
   */
  watch(listener: () => void): () => void;
  /** Runs, newest first. */
  list(): Promise<RunInfo[]>;
  show(id: string): Promise<RunInfo>;
  /** Publishes a run if its gates pass against the published run, or anyway with `force`. */
  publish(id: string, options?: { force?: boolean }): Promise<PublishResult>;
  /** Publishes again the run that was published before the current one. */
  rollback(): Promise<RollbackResult>;
  /** Removes run folders that no committed run owns (left by a crash). Writable stores only. */
  sweep(): Promise<void>;
  /** The snapshot rows of published runs with their actuals (`readScoredRows`), for live accuracy. */
  scores(query: ScoreQuery): Promise<ScoredRows>;
}

interface Row {
  seq: number;
  created_at: string;
  status: string;
  config_hash: string;
  seed: bigint | number;
  watermark: string | null;
  summary: string | null;
  gates: string | null;
  bytes: bigint | number;
  published_at: string | null;
  forced: boolean;
  pruned: boolean;
  error: string | null;
}

/**
 * Opens the forecast runs of a store folder over its DuckDB connection. The store calls this; users reach it as
 * `store.runs`.
 *
 * A run is made in three steps, so that a crash at any moment leaves no visible half run: its files are written
 * and flushed in a temporary folder; in one transaction its row is inserted and the folder renamed to
 * `runs/<id>`; the transaction commits. Readers go through the rows, so a folder without a committed row is
 * never read, and `sweep` removes it. Publishing and rolling back are one transaction each.
 *
 * @example
 * const id = await store.runs.create({ configHash, seed: 1, watermark, summary, manifest, arrays });
 * await store.runs.publish(id);               // throws RunGateError when a gate fails
 * const run = await store.runs.readPublished(["means"]);
 */
export function forecastRuns(
  connection: DuckDBConnection,
  storeDir: string,
  tmpDir: string,
  config: RunsConfig,
  readOnly: boolean,
): ForecastRuns {
  return new DuckDbForecastRuns(connection, join(storeDir, "runs"), tmpDir, config, readOnly);
}

class DuckDbForecastRuns implements ForecastRuns {
  /** Runs' transactions share the store's connection: one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private tablesFound = false;

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly runsDir: string,
    private readonly tmpDir: string,
    private readonly config: RunsConfig,
    private readonly readOnly: boolean,
  ) {}

  private serial<T>(body: () => Promise<T>): Promise<T> {
    const next = this.queue.then(body, body);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private writable(): void {
    if (this.readOnly) throw new Error("the store was opened read-only");
  }

  private async transaction<T>(body: () => Promise<T>): Promise<T> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      const value = await body();
      await this.connection.run("COMMIT");
      return value;
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
  }

  /** A store migrated before runs existed has no table yet when opened read-only. */
  private async hasTables(): Promise<boolean> {
    // Once there, the tables stay: only the first call asks.
    if (this.tablesFound) return true;
    const reader = await this.connection.runAndReadAll(
      "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'forecast_runs'",
    );
    this.tablesFound = Number(reader.getRows()[0][0]) > 0;
    return this.tablesFound;
  }

  private async rows(where = "true", params: Record<string, number> = {}): Promise<Row[]> {
    if (!(await this.hasTables())) return [];
    const reader = await this.connection.runAndReadAll(
      `SELECT * FROM forecast_runs WHERE ${where} ORDER BY seq DESC`,
      params,
    );
    return reader.getRowObjectsJS() as unknown as Row[];
  }

  private async row(seq: number): Promise<Row> {
    const [row] = await this.rows("seq = $seq", { seq });
    if (row === undefined) throw new Error(`no run ${formatRunId(seq)} (avails runs list shows the runs)`);
    return row;
  }

  /** The publication stack: a publish pushes its run, a rollback pops; the top is the published run. */
  private async stack(): Promise<number[]> {
    if (!(await this.hasTables())) return [];
    const reader = await this.connection.runAndReadAll(
      "SELECT run_seq, action FROM run_publications ORDER BY seq",
    );
    const stack: number[] = [];
    for (const [run, action] of reader.getRows()) {
      if (action === "rollback") stack.pop();
      else stack.push(Number(run));
    }
    return stack;
  }

  private folder(seq: number): string {
    return join(this.runsDir, formatRunId(seq));
  }

  async create(payload: RunPayload, options: CreateRunOptions = {}): Promise<string> {
    this.writable();
    checkPayload(payload);
    const summary: RunSummary = {
      levels: payload.summary.levels,
      coherence: payload.summary.coherence,
      arrays: Object.fromEntries(
        Object.entries(payload.arrays).map(([name, input]) => [name, checkArray(input)]),
      ),
    };
    const staging = join(this.tmpDir, `forecast-run-${process.pid}-${randomBytes(6).toString("hex")}`);
    return this.serial(async () => {
      let placed: string | null = null;
      try {
        const bytes = await writeRunFiles(staging, payload.manifest, payload.arrays, () =>
          options.onStep?.("array"),
        );
        options.onStep?.("written");
        const seq = await this.transaction(async () => {
          const seq = await this.nextSeq();
          const target = this.folder(seq);
          // No committed row owns a folder of this id: it is a crashed run's leftover.
          await rm(target, { recursive: true, force: true });
          const gates = evaluateGates(summary, await this.publishedSummary(), this.config);
          await this.connection.run(
            `INSERT INTO forecast_runs VALUES ($seq, $createdAt, 'pending', $configHash, $seed, $watermark,
               $summary, $gates, $bytes, NULL, false, false, NULL)`,
            {
              seq,
              createdAt: new Date().toISOString(),
              configHash: payload.configHash,
              seed: payload.seed,
              watermark: payload.watermark,
              summary: toExactJson(summary),
              gates: toExactJson(gates),
              bytes,
            },
          );
          if (payload.snapshot !== undefined) await insertSnapshot(this.connection, seq, payload.snapshot);
          await mkdir(this.runsDir, { recursive: true });
          await rename(staging, target);
          placed = target;
          await syncFolder(this.runsDir);
          options.onStep?.("renamed");
          return seq;
        });
        options.onStep?.("committed");
        await this.prune();
        return formatRunId(seq);
      } catch (error) {
        if (placed !== null) await rm(placed, { recursive: true, force: true });
        throw error;
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    });
  }

  async recordFailure(
    run: Pick<RunPayload, "configHash" | "seed" | "watermark">,
    error: string,
  ): Promise<string> {
    this.writable();
    return this.serial(async () => {
      const seq = await this.transaction(async () => {
        const seq = await this.nextSeq();
        await this.connection.run(
          `INSERT INTO forecast_runs VALUES ($seq, $createdAt, 'failed', $configHash, $seed, $watermark,
             NULL, NULL, 0, NULL, false, false, $error)`,
          {
            seq,
            createdAt: new Date().toISOString(),
            configHash: run.configHash,
            seed: run.seed,
            watermark: run.watermark,
            error,
          },
        );
        return seq;
      });
      return formatRunId(seq);
    });
  }

  private async nextSeq(): Promise<number> {
    const reader = await this.connection.runAndReadAll("SELECT coalesce(max(seq), 0) + 1 FROM forecast_runs");
    return Number(reader.getRows()[0][0]);
  }

  private async publishedSummary(exclude?: number): Promise<{ id: string; summary: RunSummary } | null> {
    const stack = await this.stack();
    const top = stack.at(-1);
    if (top === undefined || top === exclude) return null;
    const row = await this.row(top);
    return { id: formatRunId(top), summary: fromExactJson<RunSummary>(row.summary ?? "null") };
  }

  async readPublished<M = unknown>(arrays?: readonly string[]): Promise<LoadedRun<M> | null> {
    const top = (await this.stack()).at(-1);
    if (top === undefined) return null;
    const info = toInfo(await this.row(top));
    const files = await readRunFiles(this.folder(top), arrays);
    return { info, manifest: files.manifest as M, arrays: files.arrays, rows: files.rows };
  }

  async publishedId(): Promise<string | null> {
    const top = (await this.stack()).at(-1);
    return top === undefined ? null : formatRunId(top);
  }

  watch(listener: () => void): () => void {
    return watchPublications(this.runsDir, listener);
  }

  async list(): Promise<RunInfo[]> {
    return (await this.rows()).map(toInfo);
  }

  async show(id: string): Promise<RunInfo> {
    return toInfo(await this.row(parseRunId(id)));
  }

  async publish(id: string, options: { force?: boolean } = {}): Promise<PublishResult> {
    this.writable();
    const seq = parseRunId(id);
    const runId = formatRunId(seq);
    return this.serial(async () => {
      const outcome = await this.transaction(async () => {
        const row = await this.row(seq);
        if (row.status === "failed")
          throw new Error(`${runId} failed (${row.error}); it has nothing to publish`);
        if (row.pruned)
          throw new Error(`${runId}: its files were pruned (config runs.keep); it cannot be published`);
        const stack = await this.stack();
        const previous = stack.at(-1) ?? null;
        const gates = evaluateGates(
          fromExactJson<RunSummary>(row.summary ?? "null"),
          await this.publishedSummary(seq),
          this.config,
        );
        if (previous === seq) {
          return { id: runId, previous: runId, gates, forced: row.forced, unchanged: true };
        }
        await this.connection.run("UPDATE forecast_runs SET gates = $gates WHERE seq = $seq", {
          seq,
          gates: toExactJson(gates),
        });
        if (!gates.passed && !options.force) {
          await this.connection.run("UPDATE forecast_runs SET status = 'rejected' WHERE seq = $seq", { seq });
          return new RunGateError(runId, gates);
        }
        await verifyRunFiles(this.folder(seq));
        const now = new Date().toISOString();
        const forced = !gates.passed;
        if (previous !== null) {
          await this.connection.run("UPDATE forecast_runs SET status = 'superseded' WHERE seq = $seq", {
            seq: previous,
          });
        }
        await this.connection.run(
          "UPDATE forecast_runs SET status = 'published', published_at = $now, forced = $forced WHERE seq = $seq",
          { seq, now, forced },
        );
        await this.log(seq, "publish", now, forced);
        return {
          id: runId,
          previous: previous === null ? null : formatRunId(previous),
          gates,
          forced,
          unchanged: false,
        };
      });
      // The rejection is committed (the run's status says so) before it is reported.
      if (outcome instanceof RunGateError) throw outcome;
      if (!outcome.unchanged) notifyPublication(this.runsDir);
      await this.prune();
      return outcome;
    });
  }

  private async log(
    runSeq: number,
    action: "publish" | "rollback",
    at: string,
    forced: boolean,
  ): Promise<void> {
    await this.connection.run(
      `INSERT INTO run_publications
       SELECT coalesce(max(seq), 0) + 1, $runSeq, $action, $at, $forced FROM run_publications`,
      { runSeq, action, at, forced },
    );
  }

  async rollback(): Promise<RollbackResult> {
    this.writable();
    const result = await this.serial(() =>
      this.transaction(async () => {
        const stack = await this.stack();
        const top = stack.at(-1);
        const back = stack.at(-2);
        if (top === undefined) throw new Error("no run is published: there is nothing to roll back");
        if (back === undefined) {
          throw new Error(`nothing to roll back to: ${formatRunId(top)} is the only published run left`);
        }
        const row = await this.row(back);
        if (row.pruned) throw new Error(`cannot roll back to ${formatRunId(back)}: its files were pruned`);
        await verifyRunFiles(this.folder(back));
        const now = new Date().toISOString();
        await this.connection.run("UPDATE forecast_runs SET status = 'rolled_back' WHERE seq = $seq", {
          seq: top,
        });
        await this.connection.run(
          "UPDATE forecast_runs SET status = 'published', published_at = $now WHERE seq = $seq",
          { seq: back, now },
        );
        await this.log(back, "rollback", now, false);
        return { from: formatRunId(top), to: formatRunId(back) };
      }),
    );
    notifyPublication(this.runsDir);
    return result;
  }

  /**
   * Drops the files of runs no one may need: not among the newest `keep` runs and not among the top `keep`
   * entries of the publication stack (the published run and its rollback targets). The row says pruned before
   * the folder goes, so a crash in between leaves a folder that `sweep` removes.
   */
  private async prune(): Promise<void> {
    const keep = this.config.keep;
    const stack = await this.stack();
    const protectedSeqs = new Set(stack.slice(-keep));
    const rows = await this.rows("NOT pruned AND bytes > 0");
    const newest = new Set(
      rows
        .map((r) => r.seq)
        .sort((a, b) => b - a)
        .slice(0, keep),
    );
    const drop = rows.filter((r) => !protectedSeqs.has(r.seq) && !newest.has(r.seq)).map((r) => r.seq);
    if (drop.length === 0) return;
    await this.transaction(async () => {
      for (const seq of drop) {
        await this.connection.run("UPDATE forecast_runs SET pruned = true WHERE seq = $seq", { seq });
      }
    });
    for (const seq of drop) await rm(this.folder(seq), { recursive: true, force: true });
  }

  scores(query: ScoreQuery): Promise<ScoredRows> {
    return this.serial(() => readScoredRows(this.connection, query));
  }

  async sweep(): Promise<void> {
    this.writable();
    if (!existsSync(this.runsDir)) return;
    const owned = new Set((await this.rows("NOT pruned AND bytes > 0")).map((r) => formatRunId(r.seq)));
    for (const name of await readdir(this.runsDir)) {
      if (!owned.has(name)) await rm(join(this.runsDir, name), { recursive: true, force: true });
    }
  }
}

/** Flushes a folder's entries (the rename) to disk, where the platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is as durable as they make it.
  } finally {
    await handle.close();
  }
}

function checkPayload(payload: RunPayload): void {
  if (typeof payload.configHash !== "string" || payload.configHash === "") {
    throw new Error("run payload: configHash must be a non-empty string");
  }
  if (!Number.isSafeInteger(payload.seed))
    throw new Error(`run payload: seed ${payload.seed} is not an integer`);
  if (payload.watermark !== null && Number.isNaN(Date.parse(payload.watermark))) {
    throw new Error(`run payload: watermark "${payload.watermark}" is not an ISO time`);
  }
  const { levels, coherence } = payload.summary ?? {};
  if (typeof levels !== "object" || levels === null || typeof coherence !== "object" || coherence === null) {
    throw new Error("run payload: summary needs levels and coherence objects");
  }
  for (const [name, input] of Object.entries(payload.arrays)) {
    if (
      input.rows !== undefined &&
      (input.rows.length === 0 || input.data.length % input.rows.length !== 0)
    ) {
      throw new Error(
        `run payload: array "${name}" has ${input.data.length} values, not a multiple of its ${input.rows.length} rows`,
      );
    }
  }
}

function toInfo(row: Row): RunInfo {
  return {
    id: formatRunId(row.seq),
    createdAt: row.created_at,
    status: row.status as RunStatus,
    configHash: row.config_hash,
    seed: Number(row.seed),
    watermark: row.watermark,
    gates: row.gates === null ? null : fromExactJson<GateReport>(row.gates),
    summary: row.summary === null ? null : fromExactJson<RunSummary>(row.summary),
    publishedAt: row.published_at,
    forced: row.forced,
    bytes: row.pruned ? 0 : Number(row.bytes),
    pruned: row.pruned,
    error: row.error,
  };
}
