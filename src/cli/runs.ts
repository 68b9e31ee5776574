import type { Command } from "commander";
import { globalOptions, withStore } from "./context.js";
import { formatRun, formatRunList } from "./format-runs.js";

/** `avails runs list|show|publish|rollback` */
export function registerRuns(program: Command): void {
  const runs = program.command("runs").description("versioned forecast runs: list, show, publish, roll back");

  runs
    .command("list")
    .description("forecast runs, newest first, with status and gates")
    .option("--json", "print as JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const list = await withStore(globalOptions(command), true, (store) => store.runs.list());
      console.log(options.json ? JSON.stringify(list) : formatRunList(list));
    });

  runs
    .command("show")
    .description("one run: config, seed, watermark, level totals, coherence and every gate")
    .argument("<id>", "run id, e.g. r000012")
    .option("--json", "print as JSON")
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const run = await withStore(globalOptions(command), true, (store) => store.runs.show(id));
      console.log(options.json ? JSON.stringify(run) : formatRun(run));
    });

  runs
    .command("publish")
    .description("publish a run if its gates pass against the published run (serving reads it from then on)")
    .argument("<id>", "run id, e.g. r000012")
    .option("--force", "publish even if a gate fails")
    .option("--json", "print the outcome as JSON")
    .action(async (id: string, options: { force?: boolean; json?: boolean }, command: Command) => {
      const result = await withStore(globalOptions(command), false, (store) =>
        store.runs.publish(id, { force: options.force }),
      );
      if (options.json) console.log(JSON.stringify(result));
      else if (result.unchanged) console.log(`${result.id} is already the published run`);
      else {
        const was = result.previous === null ? "" : ` (was ${result.previous})`;
        const forced = result.forced
          ? `, forced past: ${result.gates.results
              .filter((r) => !r.passed)
              .map((r) => r.gate)
              .join(", ")}`
          : "";
        console.log(`published ${result.id}${was}${forced}`);
      }
    });

  runs
    .command("rollback")
    .description("publish again the run that was published before the current one")
    .option("--json", "print the outcome as JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const result = await withStore(globalOptions(command), false, (store) => store.runs.rollback());
      console.log(
        options.json ? JSON.stringify(result) : `rolled back from ${result.from}: ${result.to} is published`,
      );
    });
}
