import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

/** How to open the store's DuckDB file. */
export interface OpenDatabaseOptions {
  readOnly: boolean;
  memoryLimit: string;
  tempDirectory: string;
  /** How long to wait for another process holding the store's lock before giving up. */
  lockTimeoutMs: number;
}

const LOCK_ERROR = /Could not set lock on file/;

/** An open DuckDB database and one connection to it. */
export interface Database {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

/**
 * Opens (creating it when writable) a DuckDB file. DuckDB lets one process write a file at a time; when another
 * avails process holds it, this waits up to the lock timeout, then fails with a message that says so.
 *
 * @example
 * const db = await openDatabase("data/avails.duckdb", { readOnly: true, memoryLimit: "512MB",
 *   tempDirectory: "data/tmp/duckdb", lockTimeoutMs: 30_000 });
 */
export async function openDatabase(path: string, options: OpenDatabaseOptions): Promise<Database> {
  const deadline = Date.now() + options.lockTimeoutMs;
  let delay = 50;
  while (true) {
    try {
      const instance = await DuckDBInstance.create(path, {
        access_mode: options.readOnly ? "READ_ONLY" : "READ_WRITE",
        memory_limit: options.memoryLimit,
        temp_directory: options.tempDirectory,
        // Ingest order does not matter to the results and keeping it costs memory.
        preserve_insertion_order: "false",
      });
      const connection = await instance.connect();
      return { instance, connection };
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
