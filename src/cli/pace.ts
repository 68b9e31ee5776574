import type { Command } from "commander";
import { parseEventTime } from "../events/parse-time.js";
import { globalOptions, withStore } from "./context.js";

interface PaceFlags {
  json?: boolean;
  at?: string;
  window?: string;
}

/** `avails pace [CAMPAIGN]`: pacing status and the next hour's throttle of one or every live campaign. */
export function registerPace(program: Command): void {
  program
    .command("pace [campaign]")
    .description("pacing status and the throttle for the next hour, for one campaign or every live one")
    .option(
      "--at <time>",
      "the moment to pace at, ISO 8601 with offset or epoch ms (default: the published run's start)",
    )
    .option("--window <minutes>", "sliding window of the burst check, minutes", "5")
    .option("--json", "print the report as one JSON object")
    .action(async (campaignId: string | undefined, flags: PaceFlags, self: Command) => {
      const at = flags.at === undefined ? undefined : parseEventTime(flags.at);
      if (at !== undefined && Number.isNaN(at)) {
        throw new Error(`--at: "${flags.at}" is not a time (ISO 8601 with an offset, or epoch ms)`);
      }
      const windowMinutes = Number(flags.window);
      if (!(windowMinutes > 0 && windowMinutes <= 60)) {
        throw new Error(`--window: "${flags.window}" is not a number of minutes in (0, 60]`);
      }
      const { pacingReport } = await import("../pacing/pacing-report.js");
      const { formatPacing } = await import("./format-pacing.js");
      const report = await withStore(globalOptions(self), true, (store, config) =>
        pacingReport(store, config, { campaignId, at, windowMinutes }),
      );
      console.log(flags.json ? JSON.stringify(report) : formatPacing(report));
    });
}
