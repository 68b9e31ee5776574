import type { Command } from "commander";
import { parseAdjustmentFlags, type RawAdjustmentFlags } from "./adjustment-flags.js";
import { globalOptions, withStore } from "./context.js";
import { formatAdjustments, formatChange, formatTargeting } from "./format-runs.js";

/** `avails adjustments add|list|remove` */
export function registerAdjustments(program: Command): void {
  const adjustments = program
    .command("adjustments")
    .description(
      "forecast adjustments (+/- percent or a daily volume for a segment and dates) that runs apply",
    );

  adjustments
    .command("add")
    .description("record an adjustment; forecast runs apply it from then on")
    .option(
      "--targeting <segment>",
      "dimension=value[,dimension=value], several values joined by + (default: all)",
    )
    .option("--start <date>", "first day, YYYY-MM-DD in the reporting time zone")
    .option("--end <date>", "last day, inclusive")
    .option("--percent <p>", "scale the segment's forecast by p percent (above -100)")
    .option("--daily-volume <n>", "set the segment's total per day to n, shared as forecast")
    .option("--name <name>", "a name to know it by (default: the targeting and the change)")
    .option("--json", "print the stored adjustment as JSON")
    .action(async (options: RawAdjustmentFlags & { json?: boolean }, command: Command) => {
      const added = await withStore(globalOptions(command), false, (store, config) =>
        store.adjustments.add(parseAdjustmentFlags(options, config)),
      );
      console.log(
        options.json
          ? JSON.stringify(added)
          : `added adjustment ${added.id} "${added.name}": ${formatTargeting(added.targeting)} ` +
              `${formatChange(added)} from ${added.start} to ${added.end}`,
      );
    });

  adjustments
    .command("list")
    .description("adjustments in the order runs apply them")
    .option("--json", "print as JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const list = await withStore(globalOptions(command), true, (store) => store.adjustments.list());
      console.log(options.json ? JSON.stringify(list) : formatAdjustments(list));
    });

  adjustments
    .command("remove")
    .description("remove an adjustment (runs made from then on no longer apply it)")
    .argument("<id>", "adjustment id, as adjustments list shows")
    .action(async (id: string, _options: unknown, command: Command) => {
      const number = Number(id);
      if (!/^\d+$/.test(id) || !Number.isSafeInteger(number) || number < 1) {
        throw new Error(`ID: "${id}" is not an adjustment id (a whole number, as adjustments list shows)`);
      }
      const removed = await withStore(globalOptions(command), false, (store) =>
        store.adjustments.remove(number),
      );
      console.log(`removed adjustment ${removed.id} "${removed.name}"`);
    });
}
