import type { Command } from "commander";
import { globalOptions, withStore } from "./context.js";
import { formatStatus } from "./format-report.js";

/** `avails status` */
export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("events by type, duplicates, quarantine by reason, watermark and freshness, drift alarms")
    .option("--json", "print as JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const { status, alarms } = await withStore(globalOptions(command), true, async (store, config) => {
        const { measureAccuracy } = await import("../monitor/measure-accuracy.js");
        const status = await store.status();
        const live = await measureAccuracy(store, config);
        return { status, alarms: live?.alarms ?? [] };
      });
      if (options.json) {
        console.log(JSON.stringify({ ...status, alarms }));
        return;
      }
      const lines = [formatStatus(status)];
      if (alarms.length === 0) lines.push("drift alarms    none");
      else lines.push(`drift alarms    ${alarms.length}`, ...alarms.map((a) => `    ${a.message}`));
      console.log(lines.join("\n"));
    });
}
