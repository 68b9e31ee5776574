import type { Command } from "commander";
import { globalOptions, withStore } from "./context.js";
import { formatReport } from "./format-report.js";
import { createProgress } from "./progress.js";

/** `avails ingest PATH...` */
export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("ingest delivery logs (files or folders: .ndjson, .jsonl, .csv, .parquet, .gz) exactly once")
    .argument("<paths...>", "files or folders to ingest")
    .option("--json", "print the report as JSON")
    .action(async (paths: string[], options: { json?: boolean }, command: Command) => {
      const report = await withStore(globalOptions(command), false, async (store) => {
        const progress = createProgress("ingest");
        try {
          return await store.ingest(paths, { onProgress: progress.update });
        } finally {
          progress.done();
        }
      });
      console.log(options.json ? JSON.stringify(report) : formatReport(report));
    });
}
