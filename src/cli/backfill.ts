import type { Command } from "commander";
import { zonedDayStart } from "../series/zoned-time.js";
import { globalOptions, withStore } from "./context.js";
import { formatReport } from "./format-report.js";
import { createProgress } from "./progress.js";

/** `avails backfill --from D --to D PATH...` */
export function registerBackfill(program: Command): void {
  program
    .command("backfill")
    .description("replace whole days (reporting time zone) with the events of the given files, atomically")
    .requiredOption("--from <date>", "first day to replace (YYYY-MM-DD)")
    .requiredOption("--to <date>", "last day to replace, inclusive (YYYY-MM-DD)")
    .argument("<paths...>", "files or folders holding those days' events")
    .option("--json", "print the report as JSON")
    .action(
      async (paths: string[], options: { from: string; to: string; json?: boolean }, command: Command) => {
        const report = await withStore(globalOptions(command), false, async (store, config) => {
          const start = parseDay("--from", options.from, config.timeZone);
          const toStart = parseDay("--to", options.to, config.timeZone);
          const nextDay = new Date(Date.parse(`${options.to}T00:00:00Z`) + 86_400_000)
            .toISOString()
            .slice(0, 10);
          const end = zonedDayStart(nextDay, config.timeZone);
          if (toStart < start) throw new Error(`--to ${options.to} is before --from ${options.from}`);
          const progress = createProgress("backfill");
          try {
            return await store.backfill(paths, {
              start,
              end,
              from: options.from,
              to: options.to,
              onProgress: progress.update,
            });
          } finally {
            progress.done();
          }
        });
        console.log(options.json ? JSON.stringify(report) : formatReport(report));
      },
    );
}

function parseDay(flag: string, value: string, timeZone: string): number {
  try {
    return zonedDayStart(value, timeZone);
  } catch {
    throw new Error(`${flag}: "${value}" is not a date (YYYY-MM-DD)`);
  }
}
