import type { Command } from "commander";
import { campaignFromFlags, flagLabel, type RawCampaignFlags } from "./campaign-flags.js";
import { globalOptions, withStore } from "./context.js";
import { collectRepeated } from "./forecast-flags.js";
import { formatCampaign, formatCampaignTable } from "./format-campaigns.js";

/** `avails campaigns add|list|show|remove|import` */
export function registerCampaigns(program: Command): void {
  const campaigns = program.command("campaigns").description("booked campaigns (line items)");

  campaigns
    .command("add")
    .description("book a campaign")
    .option("--id <id>", "campaign id (unique)")
    .option("--name <name>", "campaign name")
    .option("--advertiser <name>", "advertiser")
    .option(
      "--targeting <dimension=values>",
      "e.g. geo=SE,NO; repeat per dimension; none = all",
      collectRepeated,
      [],
    )
    .option("--start <date>", "first flight day (YYYY-MM-DD, reporting time zone)")
    .option("--end <date>", "last flight day, inclusive")
    .option("--goal <n>", "impressions to deliver")
    .option("--priority <p>", "guaranteed, standard or house")
    .option("--pacing <mode>", "even or asap", "even")
    .option("--cpm <price>", "price per thousand impressions, e.g. 12.50")
    .option("--json", "print the stored campaign as JSON")
    .action(async (flags: RawCampaignFlags & { json?: boolean }, command: Command) => {
      const stored = await withStore(globalOptions(command), false, async (store, config) => {
        const { validateCampaign } = await import("../store/validate-campaign.js");
        return store.addCampaign(validateCampaign(campaignFromFlags(flags), config, flagLabel));
      });
      console.log(flags.json ? JSON.stringify(stored) : `added ${formatCampaign(stored)}`);
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

  campaigns
    .command("import")
    .description("book every campaign of a JSON array (the demo's campaigns.json), all or nothing")
    .argument("<file>", "JSON file")
    .option("--json", "print the stored campaigns as JSON")
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const stored = await withStore(globalOptions(command), false, async (store, config) => {
        const { readCampaignsFile } = await import("../store/read-campaigns-file.js");
        return store.importCampaigns(await readCampaignsFile(file, config));
      });
      console.log(
        options.json ? JSON.stringify(stored) : `imported ${stored.length} campaign(s) from ${file}`,
      );
    });
}
