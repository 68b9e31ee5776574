import type { Command } from "commander";
import { globalOptions, withStore } from "./context.js";

/** `avails quarantine` */
export function registerQuarantine(program: Command): void {
  program
    .command("quarantine")
    .description("list quarantined rows with their source, line, reason and raw text")
    .option("--reason <reason>", "only this reason (e.g. too_late, missing_field:geo)")
    .option("--limit <n>", "at most this many rows", "50")
    .option("--json", "print as NDJSON")
    .action(async (options: { reason?: string; limit: string; json?: boolean }, command: Command) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new Error(`--limit: "${options.limit}" is not a positive integer`);
      const rows = await withStore(globalOptions(command), true, (store) =>
        store.quarantine(limit, options.reason),
      );
      for (const row of rows) {
        console.log(
          options.json
            ? JSON.stringify(row)
            : `${row.source}:${row.line}  ${row.reason}  ${row.detail}\n    ${row.raw}`,
        );
      }
    });
}
