import type { Command } from "commander";
import { globalOptions, withStore } from "./context.js";
import { formatStatus } from "./format-report.js";

/** `avails status` */
export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("events by type, duplicates, quarantine by reason, watermark and freshness")
    .option("--json", "print as JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const status = await withStore(globalOptions(command), true, (store) => store.status());
      console.log(options.json ? JSON.stringify(status) : formatStatus(status));
    });
}
