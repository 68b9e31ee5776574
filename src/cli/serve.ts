import type { Command } from "commander";
import { type GlobalOptions, globalOptions, openFromOptions } from "./context.js";

interface ServeFlags {
  port?: string;
  host?: string;
}

/** `avails serve [--port 8080] [--host H]`: the HTTP API over the store, until interrupted. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (avails, forecasts, campaigns, events, metrics) and the dashboard")
    .option("--port <n>", "TCP port (default: config serve.port, 8080)")
    .option("--host <address>", "interface to listen on (default: config serve.host, 127.0.0.1)")
    .action(async (flags: ServeFlags, command: Command) => {
      await serveStore(globalOptions(command), flags);
    });
}

/** Parses `--port`, naming the flag when it is not a port number. */
export function portFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new Error(`--port: "${text}" is not a port number (0-65535)`);
  }
  return port;
}

/**
 * Serves the store until SIGINT or SIGTERM: opens it writable (and once more read-only for reads), builds the
 * app and listens, printing the address, the run served and the scheduler; `extra` lines follow (the demo's
 * token).
 */
export async function serveStore(
  options: GlobalOptions,
  flags: ServeFlags,
  extra: readonly string[] = [],
): Promise<void> {
  const port = portFlag(flags.port);
  const { rateLimitFromEnv } = await import("../serve/rate-limit.js");
  const { createApp } = await import("../serve/create-app.js");
  const { openStore } = await import("../store/duckdb-store.js");
  const { config, store } = await openFromOptions(options, false);
  const reader = await openStore(options.store, config, { readOnly: true });
  const served = await createApp({
    config,
    store,
    reader,
    rateLimit: rateLimitFromEnv(config.serve.rateLimit),
  }).catch(async (error: Error) => {
    await reader.close();
    await store.close();
    throw error;
  });
  const address = await served.app.listen({
    port: port ?? config.serve.port,
    host: flags.host ?? config.serve.host,
  });
  const tokens = (await store.tokens.list()).filter((t) => t.revokedAt === null).length;
  const live = served.live.status().live;
  console.log(`avails serve: listening on ${address} (dashboard ${address}/, reference ${address}/docs)`);
  console.log(
    live === null ? "no published forecast run yet: /v1/avails answers 503" : `serving run ${live}`,
  );
  const every = config.serve.forecastEveryMinutes;
  console.log(
    every > 0
      ? `forecasting every ${every} min when new events have arrived (serve.forecastEveryMinutes)`
      : "scheduled forecasts off (serve.forecastEveryMinutes 0)",
  );
  if (tokens === 0)
    console.log("no API tokens: create one with `avails tokens create --role admin` (stop the server first)");
  for (const line of extra) console.log(line);
  const stop = async () => {
    await served.close();
    await reader.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
