import type { DuckDBConnection } from "@duckdb/node-api";
import { DuckDBInstance } from "../events/duckdb-api.js";

/** How to open the store's DuckDB file. */
export interface OpenDatabaseOptions {
  readOnly: boolean;
  memoryLimit: string;
  tempDirectory: string;
  /** How long to wait for another process holding the store's lock before giving up. */
  lockTimeoutMs: number;
}

const LOCK_ERROR = /Could not set lock on file/;

/** A connection to a DuckDB file; `first` is true when this process had no connection to it before. */
export interface Database {
  connection: DuckDBConnection;
  first: boolean;
  close(): void;
}

/**
 * One DuckDB instance per file and process, shared by every connection to it: DuckDB locks a file per
 * process, and connections of one instance see each other's commits with snapshot isolation (MVCC).
 */
const instances = new Map<string, { instance: DuckDBInstance; connections: number }>();

/**
 * Opens a connection to a DuckDB file, creating the file when writable. Another process holding the file's
 * lock is waited for up to the lock timeout, then reported by a message that says so.
 *
 * @example
 * const db = await openDatabase("data/avails.duckdb", { readOnly: true, memoryLimit: "512MB",
 *   tempDirectory: "data/tmp/duckdb", lockTimeoutMs: 30_000 });
 * db.close();
 */
export async function openDatabase(path: string, options: OpenDatabaseOptions): Promise<Database> {
  let shared = instances.get(path);
  const first = shared === undefined;
  if (shared === undefined) {
    shared = { instance: await createInstance(path, options), connections: 0 };
    instances.set(path, shared);
  }
  const entry = shared;
  const connection = await entry.instance.connect();
  entry.connections++;
  let closed = false;
  return {
    connection,
    first,
    close() {
      if (closed) return;
      closed = true;
      connection.closeSync();
      entry.connections--;
      if (entry.connections === 0) {
        instances.delete(path);
        entry.instance.closeSync();
      }
    },
  };
}

async function createInstance(path: string, options: OpenDatabaseOptions): Promise<DuckDBInstance> {
  const deadline = Date.now() + options.lockTimeoutMs;
  let delay = 50;
  while (true) {
    try {
      return await DuckDBInstance.create(path, {
        access_mode: options.readOnly ? "READ_ONLY" : "READ_WRITE",
        memory_limit: options.memoryLimit,
        temp_directory: options.tempDirectory,
        // Ingest order does not matter to the results and keeping it costs memory.
        preserve_insertion_order: "false",
      });
    } catch (error) {
      const message = (error as Error).message;
      if (!LOCK_ERROR.test(message)) throw error;
      if (Date.now() >= deadline) {
        const holder = /PID (\d+)/.exec(message)?.[1];
        throw new Error(
          `the store ${path} is in use by another avails process${holder ? ` (PID ${holder})` : ""}; ` +
            "try again when it has finished",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 1000);
    }
  }
}
