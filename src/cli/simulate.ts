import { join } from "node:path";
import type { Command } from "commander";
import { MODEL_NAMES } from "../forecast/models/model-names.js";
import { canonicalModelSpec, parseModelSpec } from "../forecast/models/model-spec.js";
import { globalOptions, withStore } from "./context.js";
import { formatSimulation } from "./format-simulation.js";
import { createProgress } from "./progress.js";

interface SimulateFlags {
  json?: boolean;
  seed: string;
  days: string;
  historyDays: string;
  model: string;
  demoDays: string;
  demoScale: string;
  demoEnd: string;
}

/** The demo an empty store gets: 35 days (21 of history, the 14-day stretch) ending 2026-11-03, spanning both DST ends. */
const DEMO = { days: "35", scale: "40000", end: "2026-11-03" };

function wholeFlag(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new Error(`${flag}: "${value}" is not a whole number >= ${min}`);
  }
  return n;
}

function dateFlag(flag: string, value: string): Date {
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== value) {
    throw new Error(`${flag}: "${value}" is not a date (YYYY-MM-DD)`);
  }
  return new Date(parsed);
}

/** `avails simulate` */
export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description(
      "replay a held-out stretch of traffic through avails' pacer and two naive ones; report delivery",
    )
    .option("--json", "print the report as JSON")
    .option("--seed <n>", "seed of the demo (if generated), the generated campaigns and the draws", "42")
    .option("--days <n>", "days of the held-out stretch at the end of the store's data", "14")
    .option("--history-days <n>", "days of history each forecast may use", "28")
    .option(
      "--model <name>",
      `forecast model: one of ${MODEL_NAMES.join(", ")}, or mean(a, b, ...) or median(a, b, ...) of them`,
      "auto",
    )
    .option("--demo-days <n>", "empty store only: days of demo data to generate", DEMO.days)
    .option("--demo-scale <n>", "empty store only: demo events per day, approximately", DEMO.scale)
    .option("--demo-end <date>", "empty store only: exclusive end of the demo data, YYYY-MM-DD", DEMO.end)
    .action(async (flags: SimulateFlags, command: Command) => {
      const global = globalOptions(command);
      const seed = wholeFlag("--seed", flags.seed, 0);
      const stretchDays = wholeFlag("--days", flags.days, 1);
      const historyDays = wholeFlag("--history-days", flags.historyDays, 2);
      const demoDays = wholeFlag("--demo-days", flags.demoDays, 1);
      const demoScale = wholeFlag("--demo-scale", flags.demoScale, 1);
      const demoEnd = dateFlag("--demo-end", flags.demoEnd);
      const model = canonicalModelSpec(parseModelSpec(flags.model, "--model"));
      const progress = createProgress("simulate");
      const report = await withStore(global, false, async (store, config) => {
        const { simulateStore } = await import("../pacing/simulate/simulate-store.js");
        return simulateStore(store, config, {
          seed,
          stretchDays,
          historyDays,
          model,
          demo: { outDir: join(global.store, "demo-logs"), days: demoDays, scale: demoScale, end: demoEnd },
          onProgress: progress.update,
        });
      }).finally(() => progress.done());
      console.log(flags.json ? JSON.stringify(report) : formatSimulation(report));
    });
}
