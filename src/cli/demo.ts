import { join } from "node:path";
import type { Command } from "commander";
import { DEMO_DEFAULTS, validateDemoOptions } from "../demo/options.js";
import { globalOptions, withStore } from "./context.js";
import { formatReport, formatReportLine, formatStatus } from "./format-report.js";
import { createProgress } from "./progress.js";

interface DemoFlags {
  seed: string;
  days: string;
  scale: string;
  format: string;
  gzip?: boolean;
  out?: string;
  end?: string;
  fresh?: boolean;
  logsOnly?: boolean;
  serve: boolean;
  port?: string;
  host?: string;
}

function integerFlag(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new Error(`${flag}: "${value}" is not a whole number`);
  return n;
}

function todayUtcMidnight(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** `avails demo` */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "the demo: generate realistic delivery logs and ingest them (when the store is empty), forecast, book the " +
        "demo campaigns, then serve the API and dashboard (--no-serve: prepare and exit; --logs-only: logs only)",
    )
    .option("--seed <n>", "random seed: the same seed gives the same logs", String(DEMO_DEFAULTS.seed))
    .option("--days <n>", "days of history", String(DEMO_DEFAULTS.days))
    .option("--scale <n>", "valid events per day, approximately", String(DEMO_DEFAULTS.scale))
    .option("--format <format>", "ndjson, csv or parquet", DEMO_DEFAULTS.format)
    .option("--gzip", "gzip ndjson or csv files")
    .option("--out <dir>", "where to write the logs (default: <store>/demo-logs)")
    .option("--end <date>", "exclusive end of the history, YYYY-MM-DD (default: today, UTC)")
    .option("--fresh", "generate and ingest even when the store already has events")
    .option("--logs-only", "only generate and ingest the logs: no forecast, campaigns or server")
    .option("--no-serve", "prepare the demo store (logs, forecast, campaigns, a token) and exit")
    .option("--port <n>", "TCP port to serve on (default: config serve.port, 8080)")
    .option("--host <address>", "interface to serve on (default: config serve.host)")
    .action(async (flags: DemoFlags, command: Command) => {
      const global = globalOptions(command);
      const format = flags.format;
      if (format !== "ndjson" && format !== "csv" && format !== "parquet") {
        throw new Error(`--format: "${format}" is not ndjson, csv or parquet`);
      }
      let end = todayUtcMidnight();
      if (flags.end !== undefined) {
        const parsed = Date.parse(`${flags.end}T00:00:00Z`);
        if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== flags.end) {
          throw new Error(`--end: "${flags.end}" is not a date (YYYY-MM-DD)`);
        }
        end = new Date(`${flags.end}T00:00:00Z`);
      }
      const options = {
        outDir: flags.out ?? join(global.store, "demo-logs"),
        seed: integerFlag("--seed", flags.seed),
        days: integerFlag("--days", flags.days),
        scale: integerFlag("--scale", flags.scale),
        format: format as "ndjson" | "csv" | "parquet",
        gzip: flags.gzip === true,
        end,
      } as const;
      // Refuse bad options before the store is created or touched.
      validateDemoOptions(options);
      const { portFlag, serveStore } = await import("./serve.js");
      portFlag(flags.port);
      await withStore(global, false, async (store) => {
        const before = await store.status();
        if (before.eventRows > 0 && !flags.fresh) {
          console.log(
            `the store ${global.store} already has events; not generating (use --fresh to add a demo run)`,
          );
          console.log(formatStatus(before));
          return;
        }
        const generation = createProgress("generate");
        const ingestion = createProgress("ingest");
        const started = Date.now();
        // Loaded here: the generator is most of the CLI's code, which other commands should not load.
        const { seedDemoStore } = await import("../demo/seed-store.js");
        const { manifest, reports } = await seedDemoStore(
          store,
          {
            ...options,
            onProgress: (done, total) => {
              generation.update(done, total, "rows");
            },
          },
          ingestion.update,
          () => generation.done(),
        ).finally(() => ingestion.done());
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `generated ${manifest.rows_written.toLocaleString("en-US")} rows in ${manifest.files.length} files into ` +
            `${options.outDir} (manifest.json counts every defect), ingested in ${seconds.toFixed(1)} s in total`,
        );
        console.log(formatReport(reports[0]));
        for (const report of reports.slice(1)) console.log(formatReportLine(report));
        console.log(formatStatus(await store.status()));
      });
      if (flags.logsOnly) return;
      const ready = await withStore(global, false, async (store, config) => {
        const progress = createProgress("demo");
        const { prepareDemo } = await import("../demo/prepare-demo.js");
        return prepareDemo(store, config, join(options.outDir, "campaigns.json"), {
          pool: { onProgress: (done, total, id) => progress.update(done, total, id) },
          onStep: (step) => progress.update(0, null, step),
        }).finally(() => progress.done());
      });
      if (ready.runId !== null) console.log(`forecast run ${ready.runId} published`);
      if (ready.campaigns > 0) console.log(`booked the demo's ${ready.campaigns} campaigns`);
      const tokenLines =
        ready.token === null
          ? []
          : [
              "an admin API token for the dashboard and the API (shown once; the store keeps its hash):",
              ready.token,
            ];
      if (!flags.serve) {
        for (const line of tokenLines) console.log(line);
        console.log(`the demo store ${global.store} is ready: \`avails serve\` serves it`);
        return;
      }
      await serveStore(global, { port: flags.port, host: flags.host }, tokenLines);
    });
}
