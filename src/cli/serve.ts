import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import type { StreamSource } from "../stream/stream-source.js";
import { type GlobalOptions, globalOptions, openFromOptions } from "./context.js";
import { streamSourceOptions } from "./stream-flags.js";

interface ServeFlags {
  port?: string;
  host?: string;
  stream?: string;
  streamGroup?: string;
  streamConsumer?: string;
  streamBatch?: string;
  streamBlockMs?: string;
}

/** `avails serve [--port 8080] [--host H] [--stream URL]`: the HTTP API over the store, until interrupted. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (avails, forecasts, campaigns, events, metrics) and the dashboard")
    .option("--port <n>", "TCP port (default: config serve.port, 8080)")
    .option("--host <address>", "interface to listen on (default: config serve.host, 127.0.0.1)")
    .option(
      "--stream <url>",
      "also consume a stream into the store, as avails stream does: redis://HOST:PORT/STREAM or kafka://BROKER[,BROKER]/TOPIC",
    )
    .option("--stream-group <name>", "consumer group of --stream", "avails")
    .option("--stream-consumer <name>", "consumer name of --stream in its group (default: host name)")
    .option("--stream-batch <n>", "entries per batch of --stream", "1000")
    .option("--stream-block-ms <ms>", "how long a read of --stream waits for new entries", "1000")
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
  // The stream is checked and connected before the store is opened: a bad --stream touches nothing.
  const source = await openStream(flags);
  const { rateLimitFromEnv } = await import("../serve/rate-limit.js");
  const { createApp } = await import("../serve/create-app.js");
  const { openStore } = await import("../store/duckdb-store.js");
  const { config, store } = await openFromOptions(options, false).catch(async (error: Error) => {
    await source?.close();
    throw error;
  });
  const reader = await openStore(options.store, config, { readOnly: true });
  const served = await createApp({
    config,
    store,
    reader,
    rateLimit: rateLimitFromEnv(config.serve.rateLimit),
  }).catch(async (error: Error) => {
    await reader.close();
    await store.close();
    await source?.close();
    throw error;
  });
  const address = await served.app
    .listen({ port: port ?? config.serve.port, host: flags.host ?? config.serve.host })
    .catch(async (error: Error) => {
      await served.close();
      await reader.close();
      await store.close();
      await source?.close();
      throw error;
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
  let feed: import("../serve/stream-feed.js").StreamFeed | undefined;
  const stop = async (code: number) => {
    // The batch in flight commits and is acknowledged first; a failed feed has nothing in flight.
    await feed?.stop().catch(() => undefined);
    await source?.close();
    await served.close();
    await reader.close();
    await store.close();
    process.exit(code);
  };
  if (source !== null) {
    const { startStreamFeed } = await import("../serve/stream-feed.js");
    feed = startStreamFeed(served.context, source, {
      spoolDir: join(tmpdir(), `avails-serve-stream-${process.pid}`),
    });
    served.context.stream = feed;
    console.log(`consuming ${source.name} into the store (group ${flags.streamGroup ?? "avails"})`);
    // A lost stream ends the server, as it ends avails stream: nothing unacknowledged is lost, and the
    // supervisor that restarts it reconnects; serving without the feed would go stale unnoticed.
    feed.done.catch(async (error: Error) => {
      console.error(`avails: ${error.message}; the server stops`);
      await stop(1);
    });
  }
  process.once("SIGINT", () => stop(0));
  process.once("SIGTERM", () => stop(0));
}

/** Opens `--stream`'s source (checking its flags), or null without `--stream`. */
async function openStream(flags: ServeFlags): Promise<StreamSource | null> {
  if (flags.stream === undefined) return null;
  const options = streamSourceOptions(
    {
      group: flags.streamGroup ?? "avails",
      consumer: flags.streamConsumer,
      batch: flags.streamBatch ?? "1000",
      blockMs: flags.streamBlockMs ?? "1000",
    },
    "--stream",
    { batch: "--stream-batch", blockMs: "--stream-block-ms" },
  );
  const { openStreamSource } = await import("../stream/open-stream-source.js");
  return openStreamSource(flags.stream, options);
}
