import type { Command } from "commander";
import type { Config } from "../config/schema.js";
import type { Store } from "../store/store.js";

/** The options every command takes. */
export interface GlobalOptions {
  store: string;
  config?: string;
}

/** The global options of the program a command belongs to. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

/** Loads the config and opens the store for a command; the caller closes it. */
export async function openFromOptions(
  options: GlobalOptions,
  readOnly: boolean,
): Promise<{ config: Config; store: Store }> {
  // Loaded here, not at the top: DuckDB's binding and zod take most of a second to load, which commands
  // that never open the store (forecast, backtest, --help) should not pay.
  const { loadConfig } = await import("../config/load-config.js");
  const { openStore } = await import("../store/duckdb-store.js");
  const config = loadConfig(options.config);
  const store = await openStore(options.store, config, { readOnly, lockTimeoutMs: lockTimeoutMs() });
  return { config, store };
}

/** Runs a command body with the store open, closing it whatever happens. */
export async function withStore<T>(
  options: GlobalOptions,
  readOnly: boolean,
  body: (store: Store, config: Config) => Promise<T>,
): Promise<T> {
  const { config, store } = await openFromOptions(options, readOnly);
  try {
    return await body(store, config);
  } finally {
    await store.close();
  }
}

/** How long to wait for another process holding the store: `$AVAILS_LOCK_TIMEOUT_MS`, default 30 s. */
function lockTimeoutMs(): number {
  const text = process.env.AVAILS_LOCK_TIMEOUT_MS;
  if (text === undefined || text === "") return 30_000;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`AVAILS_LOCK_TIMEOUT_MS: "${text}" is not a whole number of milliseconds`);
  }
  return ms;
}
