import { readFile } from "node:fs/promises";
import type { Config } from "../config/schema.js";
import type { Campaign } from "./campaign.js";
import { validateCampaign } from "./validate-campaign.js";

/**
 * Reads a JSON file holding an array of campaigns (the demo's campaigns.json: targeting `{geo?, device?}`,
 * `goal_impressions` or `budget_micros`, `cpm_micros`, optional `time_zone`, `frontload_percent`,
 * `daily_cap`...) and validates every one against the config; fields a file made before them lacks take
 * their defaults (the reporting time zone, no budget, no frontloading, no cap). Errors name the file, the
 * campaign's index and the field: `campaigns.json[3].goal_impressions: ...`.
 *
 * @example
 * const campaigns = await readCampaignsFile("data/demo-logs/campaigns.json", config);
 * await store.importCampaigns(campaigns);
 */
export async function readCampaignsFile(path: string, config: Config): Promise<Campaign[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new Error(`${path}: cannot read the file`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new Error(`${path}: expected an array of campaigns`);
  return value.map((item, i) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new Error(`${path}[${i}]: expected a campaign object`);
    }
    return validateCampaign(item as Record<string, unknown>, config, (field) => `${path}[${i}].${field}`);
  });
}
