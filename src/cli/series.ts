import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { MEASURES, type Measure } from "../store/store.js";
import { globalOptions, withStore } from "./context.js";

/** `avails series` */
export function registerSeries(program: Command): void {
  program
    .command("series")
    .description("the hourly cube of one level as long-format series (unique_id,ds,y), zero-filled")
    .requiredOption("--level <level>", "level (total, geo, device, geo_device, campaign, or as configured)")
    .option("--measure <measure>", `one of ${MEASURES.join(", ")}`, "opportunities")
    .option("--freq <freq>", "hourly or daily", "hourly")
    .option("--from <date>", "first day (YYYY-MM-DD) or instant (ISO 8601 with offset)")
    .option("--to <date>", "last day, inclusive (YYYY-MM-DD), or instant, exclusive")
    .option("--output <file>", "write to this CSV file instead of standard output")
    .action(
      async (
        options: {
          level: string;
          measure: string;
          freq: string;
          from?: string;
          to?: string;
          output?: string;
        },
        command: Command,
      ) => {
        if (!MEASURES.includes(options.measure as Measure)) {
          throw new Error(`--measure: "${options.measure}" is not one of ${MEASURES.join(", ")}`);
        }
        if (options.freq !== "hourly" && options.freq !== "daily") {
          throw new Error(`--freq: "${options.freq}" is not hourly or daily`);
        }
        const freq = options.freq;
        const { longFormatCsv, readSeries } = await import("../series/read-series.js");
        const dense = await withStore(globalOptions(command), true, (store, config) =>
          readSeries(store, {
            level: options.level,
            measure: options.measure as Measure,
            freq,
            from: options.from,
            to: options.to,
            timeZone: config.timeZone,
          }),
        );
        const out = options.output ? createWriteStream(options.output) : process.stdout;
        for (const chunk of longFormatCsv(dense)) {
          if (!out.write(chunk)) await once(out, "drain");
        }
        if (options.output) {
          out.end();
          await once(out, "finish");
          console.error(
            `wrote ${dense.keys.length} series × ${dense.periods.length} ${freq} points to ${options.output}`,
          );
        }
      },
    );
}
