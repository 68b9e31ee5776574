import type { Command } from "commander";
import { globalOptions, withStore } from "./context.js";
import { formatLiveAccuracy } from "./format-accuracy-live.js";

/** `avails accuracy [--window DAYS] [--json]` */
export function registerAccuracy(program: Command): void {
  program
    .command("accuracy")
    .description("live accuracy of the published forecast runs by level and horizon, and drift alarms")
    .option("--window <days>", "days of closed hours to score (default: config monitor.windowDays)")
    .option("--json", "print as JSON")
    .action(async (options: { window?: string; json?: boolean }, command: Command) => {
      const windowDays = options.window === undefined ? undefined : wholeDays(options.window);
      const live = await withStore(globalOptions(command), true, async (store, config) => {
        const { measureAccuracy } = await import("../monitor/measure-accuracy.js");
        return measureAccuracy(store, config, { windowDays });
      });
      console.log(options.json ? JSON.stringify(live) : formatLiveAccuracy(live));
    });
}

function wholeDays(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || !(days >= 1 && days <= 366)) {
    throw new Error(`--window: expected a whole number of days from 1 to 366, got "${text}"`);
  }
  return days;
}
