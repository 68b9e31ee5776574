import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import type { StreamBatchReport, StreamSummary } from "../stream/consume-stream.js";
import { globalOptions, withStore } from "./context.js";
import { streamSourceOptions } from "./stream-flags.js";

interface StreamFlags {
  source: string;
  group: string;
  consumer?: string;
  batch: string;
  blockMs: string;
  untilEmpty?: boolean;
  json?: boolean;
}

/**
 * `avails stream --source redis://HOST:PORT/STREAM | kafka://BROKER[,BROKER]/TOPIC`: consume a Redis Stream or
 * a Kafka topic into the store until stopped.
 *
 * @example
 * registerStream(program); // avails stream --source kafka://127.0.0.1:9092/events --batch 1000
 */
export function registerStream(program: Command): void {
  program
    .command("stream")
    .description(
      "consume delivery events from a Redis Stream or a Kafka topic (consumer group) into the store, exactly-once counts",
    )
    .requiredOption(
      "--source <url>",
      "redis://HOST:PORT/STREAM (or redis://HOST:PORT/DB/STREAM), or kafka://BROKER[,BROKER]/TOPIC",
    )
    .option("--group <name>", "consumer group", "avails")
    .option(
      "--consumer <name>",
      "consumer name in the group, keep it across restarts (Kafka: the client.id); default the host name",
    )
    .option("--batch <n>", "entries per batch", "1000")
    .option("--block-ms <ms>", "how long a read waits for new entries (Kafka: at least 1000)", "2000")
    .option("--until-empty", "exit once the stream has nothing new for this consumer")
    .option("--json", "print each batch and the summary as JSON lines")
    .action(async (flags: StreamFlags, command: Command) => {
      const options = streamSourceOptions(flags, "--source");
      const { openStreamSource } = await import("../stream/open-stream-source.js");
      const { consumeStream } = await import("../stream/consume-stream.js");
      const source = await openStreamSource(flags.source, options);
      const spoolDir = join(tmpdir(), `avails-stream-${process.pid}`);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        const summary = await withStore(globalOptions(command), false, (store) =>
          consumeStream(source, store, {
            spoolDir,
            signal: stop.signal,
            untilEmpty: flags.untilEmpty === true,
            onBatch: (report) => console.log(flags.json ? JSON.stringify(report) : batchLine(report)),
          }),
        );
        console.log(flags.json ? JSON.stringify({ summary }) : summaryLine(summary));
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await source.close();
        await rm(spoolDir, { recursive: true, force: true });
      }
    });
}

function batchLine(r: StreamBatchReport): string {
  return `batch ${r.batch} (run ${r.runId}${r.redelivered ? ", redelivered" : ""}): ${r.entries} entries, accepted ${r.accepted}, duplicates ${r.duplicates}, quarantined ${r.quarantined}, lag ${r.lagMs} ms, backlog ${r.backlog ?? "unknown"}`;
}

function summaryLine(s: StreamSummary): string {
  return `stream ${s.source}: ${s.batches} batches, ${s.entries} entries, accepted ${s.accepted}, duplicates ${s.duplicates}, quarantined ${s.quarantined}, max lag ${s.maxLagMs} ms, backlog ${s.backlog ?? "unknown"}`;
}
