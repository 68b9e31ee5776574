import type { Command } from "commander";
import type { Config } from "../config/schema.js";
import type { BookingResult } from "../pacing/book-campaigns.js";
import type { BookingAction } from "../store/booking-decision.js";
import type { Campaign } from "../store/campaign.js";
import type { validateCampaign } from "../store/validate-campaign.js";
import {
  campaignFromFlags,
  campaignUpdateFromFlags,
  flagLabel,
  parseConfidence,
  type RawCampaignFlags,
} from "./campaign-flags.js";
import { type GlobalOptions, globalOptions, withStore } from "./context.js";
import { collectRepeated } from "./forecast-flags.js";
import { formatBookingDecisions, formatBookingOutcome } from "./format-booking.js";
import { formatCampaign, formatCampaignTable } from "./format-campaigns.js";

/** The booking guard's flags, on add, update and import. */
interface GuardFlags {
  json?: boolean;
  force?: boolean;
  confidence?: string;
}

/** `avails campaigns add|list|show|update|remove|import|decisions` */
export function registerCampaigns(program: Command): void {
  const campaigns = program.command("campaigns").description("booked campaigns (line items)");

  const add = campaigns
    .command("add")
    .description("book a campaign (guaranteed ones through the booking guard)");
  add.option("--id <id>", "campaign id (unique)");
  campaignOptions(add, false);
  guardOptions(add).action(async (flags: RawCampaignFlags & GuardFlags, command: Command) => {
    const result = await book(globalOptions(command), "add", flags, (config, validate) => [
      validate(campaignFromFlags(flags), config, flagLabel),
    ]);
    if (!flags.json) console.log(`added ${formatCampaign(result.outcomes[0].campaign)}`);
  });

  const update = campaigns
    .command("update")
    .description("change a campaign's fields (guarded again when it asks for more)")
    .argument("<id>", "campaign id");
  campaignOptions(update, true);
  guardOptions(update).action(async (id: string, flags: RawCampaignFlags & GuardFlags, command: Command) => {
    const result = await book(globalOptions(command), "update", flags, async (config, validate, stored) => {
      const before = await stored(id);
      if (before === null) throw new Error(`no campaign "${id}"`);
      return [validate(campaignUpdateFromFlags(before, flags), config, flagLabel)];
    });
    if (!flags.json) console.log(`updated ${formatCampaign(result.outcomes[0].campaign)}`);
  });

  campaigns
    .command("list")
    .description("the stored campaigns")
    .option("--json", "print as a JSON array")
    .action(async (options: { json?: boolean }, command: Command) => {
      const list = await withStore(globalOptions(command), true, (store) => store.listCampaigns());
      console.log(options.json ? JSON.stringify(list) : formatCampaignTable(list));
    });

  campaigns
    .command("show")
    .description("one campaign")
    .argument("<id>", "campaign id")
    .option("--json", "print as JSON")
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const campaign = await withStore(globalOptions(command), true, (store) => store.getCampaign(id));
      if (campaign === null) throw new Error(`no campaign "${id}"`);
      console.log(options.json ? JSON.stringify(campaign) : formatCampaign(campaign));
    });

  campaigns
    .command("remove")
    .description("delete a campaign")
    .argument("<id>", "campaign id")
    .action(async (id: string, _options: unknown, command: Command) => {
      const removed = await withStore(globalOptions(command), false, (store) => store.removeCampaign(id));
      if (!removed) throw new Error(`no campaign "${id}"`);
      console.log(`removed campaign ${id}`);
    });

  const importing = campaigns
    .command("import")
    .description("book every campaign of a JSON array (the demo's campaigns.json), all or nothing")
    .argument("<file>", "JSON file");
  guardOptions(importing).action(async (file: string, flags: GuardFlags, command: Command) => {
    const result = await book(globalOptions(command), "import", flags, async (config) => {
      const { readCampaignsFile } = await import("../store/read-campaigns-file.js");
      return readCampaignsFile(file, config);
    });
    if (!flags.json) console.log(`imported ${result.outcomes.length} campaign(s) from ${file}`);
  });

  campaigns
    .command("decisions")
    .description("the booking guard's decisions: accepted, refused, forced, unchecked")
    .option("--campaign <id>", "only this campaign's")
    .option("--json", "print as a JSON array")
    .action(async (options: { campaign?: string; json?: boolean }, command: Command) => {
      const log = await withStore(globalOptions(command), true, (store) =>
        store.bookingDecisions(options.campaign),
      );
      console.log(options.json ? JSON.stringify(log) : formatBookingDecisions(log));
    });
}

/** The campaign's field flags; on update every one is optional and replaces the stored value. */
function campaignOptions(command: Command, update: boolean): void {
  command
    .option("--name <name>", "campaign name")
    .option("--advertiser <name>", "advertiser")
    .option(
      "--targeting <dimension=values>",
      `e.g. geo=SE,NO; repeat per dimension; ${update ? "replaces the targeting; all = all inventory" : "none = all"}`,
      collectRepeated,
      [],
    )
    .option("--start <date>", "first flight day (YYYY-MM-DD, in --time-zone)")
    .option("--end <date>", "last flight day, inclusive")
    .option("--time-zone <zone>", "IANA time zone of the flight days (default: the reporting time zone)")
    .option("--goal <n>", "impressions to deliver (or --budget with --cpm)")
    .option("--budget <amount>", "spend to deliver, e.g. 5000; the goal is floor(budget x 1000 / cpm)")
    .option("--cpm <price>", "price per thousand impressions, e.g. 12.50")
    .option("--priority <p>", "guaranteed, standard or house")
    .option("--pacing <mode>", `even, frontloaded or asap${update ? "" : " (default even)"}`)
    .option("--frontload-percent <n>", "with --pacing frontloaded: percent above even at the start, 1-100")
    .option(
      "--daily-cap <n>",
      `at most this many impressions per flight day${update ? "; none removes it" : ""}`,
    );
}

function guardOptions(command: Command): Command {
  return command
    .option("--confidence <percent>", "book against this confidence of available: 80 (default) = P20")
    .option("--force", "store it even if it does not fit or cannot be checked (logged as forced)")
    .option("--json", "print the stored campaigns with their booking decisions as JSON");
}

/**
 * Runs a booking command: builds the campaigns (validated), books them through the guard, prints each
 * decision worth reading (with --json, the campaigns with their decisions), and fails with one line when the
 * guard refused (nothing stored).
 */
async function book(
  options: GlobalOptions,
  action: BookingAction,
  flags: GuardFlags,
  build: (
    config: Config,
    validate: typeof validateCampaign,
    stored: (id: string) => Promise<Campaign | null>,
  ) => Campaign[] | Promise<Campaign[]>,
): Promise<BookingResult> {
  const confidence = parseConfidence(flags.confidence);
  const result = await withStore(options, false, async (store, config) => {
    const { validateCampaign } = await import("../store/validate-campaign.js");
    const { bookCampaigns } = await import("../pacing/book-campaigns.js");
    const campaigns = await build(config, validateCampaign, (id) => store.getCampaign(id));
    return bookCampaigns(store, config, { action, campaigns, force: flags.force, confidence });
  });
  if (flags.json) {
    const out = result.outcomes.map((o) => ({
      ...o.campaign,
      booking: { decision: o.decision, ...o.check },
    }));
    console.log(JSON.stringify(action === "import" ? out : out[0]));
  } else {
    // An import shows what the guard checked; its unchecked campaigns (past flights, not guaranteed) are many.
    for (const outcome of result.outcomes) {
      if (action !== "import" || outcome.decision !== "unchecked") console.log(formatBookingOutcome(outcome));
    }
  }
  if (!result.stored) {
    const refused = result.outcomes.filter((o) => o.decision === "refused");
    throw new Error(
      refused.length === 1
        ? `booking refused: ${refused[0].campaign.id}: ${refused[0].check.reason}; nothing stored (--force books it anyway)`
        : `booking refused: ${refused.length} of ${result.outcomes.length} campaigns do not fit or cannot be checked (${refused.map((o) => o.campaign.id).join(", ")}); nothing stored (--force books them anyway)`,
    );
  }
  return result;
}
