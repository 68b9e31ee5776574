import type { Campaign } from "../store/campaign.js";
import type { FieldLabel } from "../store/validate-campaign.js";

/** The flags of `avails campaigns add` and `update` as commander hands them over: text. */
export interface RawCampaignFlags {
  id?: string;
  name?: string;
  advertiser?: string;
  /** Every `--targeting dimension=v1,v2`, in the order given (`all` alone: every value). */
  targeting?: string[];
  start?: string;
  end?: string;
  timeZone?: string;
  goal?: string;
  /** Budget in currency units (`5000`), stored as micros. */
  budget?: string;
  priority?: string;
  pacing?: string;
  frontloadPercent?: string;
  /** Impressions per flight day, or `none` (update: remove the cap). */
  dailyCap?: string;
  /** CPM in currency units (`12.50`), stored as micros. */
  cpm?: string;
}

const FLAG_OF: Record<string, string> = {
  goal_impressions: "--goal",
  budget_micros: "--budget",
  cpm_micros: "--cpm",
  time_zone: "--time-zone",
  frontload_percent: "--frontload-percent",
  daily_cap: "--daily-cap",
};

/** Names a campaign field by the flag that sets it, so validation errors point at the command line. */
export const flagLabel: FieldLabel = (field) => {
  const dot = field.indexOf(".");
  const head = dot < 0 ? field : field.slice(0, dot);
  return `${FLAG_OF[head] ?? `--${head}`}${dot < 0 ? "" : field.slice(dot)}`;
};

/**
 * Turns `campaigns add` flags into a campaign record for validateCampaign: targeting flags merged into one
 * object (a dimension given twice takes the union), numbers parsed, money in micros. Errors name the flag.
 *
 * @example
 * campaignFromFlags({ id: "c1", targeting: ["geo=SE,NO", "device=mobile"], goal: "50000" }).targeting;
 * // { geo: ["SE", "NO"], device: ["mobile"] }
 */
export function campaignFromFlags(flags: RawCampaignFlags): Record<string, unknown> {
  for (const [flag, value] of [
    ["--id", flags.id],
    ["--name", flags.name],
    ["--start", flags.start],
    ["--end", flags.end],
    ["--priority", flags.priority],
  ] as const) {
    if (value === undefined) throw new Error(`${flag} is required`);
  }
  if (flags.goal === undefined && flags.budget === undefined) {
    throw new Error("--goal or --budget is required (impressions, or a budget with --cpm)");
  }
  if (flags.goal !== undefined && flags.budget !== undefined) {
    throw new Error("--goal and --budget: give one of them, not both");
  }
  if (flags.dailyCap === "none") throw new Error('--daily-cap: "none" only with campaigns update');
  return {
    id: flags.id,
    name: flags.name,
    advertiser: flags.advertiser,
    targeting: parseTargetingFlags(flags.targeting ?? []),
    start: flags.start,
    end: flags.end,
    time_zone: flags.timeZone,
    priority: flags.priority,
    pacing: flags.pacing,
    ...numbers(flags),
  };
}

/**
 * Applies `campaigns update ID` flags to the stored campaign: every field but the id can change, and the
 * result is validated as a whole afterwards. A new `--goal` drops the budget (the campaign is then booked by
 * impressions), a new `--budget` or `--cpm` on a budget campaign derives the goal again, a pacing other than
 * frontloaded drops the frontload percentage, `--daily-cap none` removes the cap, `--targeting all` targets
 * all inventory. No flag at all is an error.
 *
 * @example
 * campaignUpdateFromFlags(stored, { goal: "60000" }).goal_impressions; // 60000
 */
export function campaignUpdateFromFlags(stored: Campaign, flags: RawCampaignFlags): Record<string, unknown> {
  if (flags.id !== undefined) throw new Error("--id: a campaign's id cannot change");
  const given = Object.entries(flags).filter(
    ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  if (given.length === 0) {
    throw new Error(
      "campaigns update: give at least one field to change (--name, --targeting, --start, --end, --goal, ...)",
    );
  }
  if (flags.goal !== undefined && flags.budget !== undefined) {
    throw new Error("--goal and --budget: give one of them, not both");
  }
  const next: Record<string, unknown> = { ...stored };
  if (flags.name !== undefined) next.name = flags.name;
  if (flags.advertiser !== undefined) next.advertiser = flags.advertiser;
  if (flags.targeting !== undefined && flags.targeting.length > 0) {
    next.targeting = parseTargetingFlags(flags.targeting);
  }
  if (flags.start !== undefined) next.start = flags.start;
  if (flags.end !== undefined) next.end = flags.end;
  if (flags.timeZone !== undefined) next.time_zone = flags.timeZone;
  if (flags.priority !== undefined) next.priority = flags.priority;
  if (flags.pacing !== undefined) {
    next.pacing = flags.pacing;
    if (flags.pacing !== "frontloaded" && flags.frontloadPercent === undefined) next.frontload_percent = null;
  }
  const parsed = numbers(flags);
  if (parsed.goal_impressions !== undefined) next.budget_micros = null;
  if (
    parsed.budget_micros !== undefined ||
    (parsed.cpm_micros !== undefined && next.budget_micros !== null)
  ) {
    // The goal follows the budget: derived again by validation.
    next.goal_impressions = undefined;
  }
  for (const [field, value] of Object.entries(parsed)) if (value !== undefined) next[field] = value;
  return next;
}

/**
 * Parses repeated `--targeting dimension=v1,v2` flags into dimension → values (no case normalisation: the
 * config does that). `all`, alone, is every value (`{}`).
 *
 * @example
 * parseTargetingFlags(["geo=SE,NO", "geo=DK"]); // { geo: ["SE", "NO", "DK"] }
 */
export function parseTargetingFlags(values: readonly string[]): Record<string, string[]> {
  if (values.length === 1 && values[0].trim() === "all") return {};
  const targeting: Record<string, string[]> = {};
  for (const text of values) {
    const eq = text.indexOf("=");
    const dimension = eq < 0 ? "" : text.slice(0, eq).trim();
    const list =
      eq < 0
        ? []
        : text
            .slice(eq + 1)
            .split(",")
            .map((v) => v.trim());
    if (dimension === "" || list.length === 0 || list.some((v) => v === "")) {
      throw new Error(`--targeting: "${text}" is not dimension=value[,value...] (or all, alone)`);
    }
    targeting[dimension] = [...(targeting[dimension] ?? []), ...list];
  }
  return targeting;
}

/** The numeric flags given, parsed: absent ones undefined, `--daily-cap none` null. */
function numbers(flags: RawCampaignFlags): Record<string, number | null | undefined> {
  return {
    goal_impressions: flags.goal === undefined ? undefined : wholeNumber("--goal", flags.goal),
    budget_micros: flags.budget === undefined ? undefined : micros("--budget", flags.budget, "5000"),
    cpm_micros: flags.cpm === undefined ? undefined : micros("--cpm", flags.cpm, "12.50"),
    frontload_percent:
      flags.frontloadPercent === undefined
        ? undefined
        : wholeNumber("--frontload-percent", flags.frontloadPercent),
    daily_cap:
      flags.dailyCap === undefined
        ? undefined
        : flags.dailyCap.trim() === "none"
          ? null
          : wholeNumber("--daily-cap", flags.dailyCap),
  };
}

function wholeNumber(flag: string, text: string): number {
  const n = /^\s*\d[\d_]*\s*$/.test(text) ? Number(text.replaceAll("_", "")) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`${flag}: "${text}" is not a whole number`);
  return n;
}

function micros(flag: string, text: string, example: string): number {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  const value = Math.round(n * 1e6);
  if (!Number.isSafeInteger(value)) throw new Error(`${flag}: "${text}" is not a price (e.g. ${example})`);
  return value;
}

/**
 * Parses `--confidence`: a whole percentage 1-99 the booking guard books at (80 books against P20 of
 * available); absent, the default.
 *
 * @example
 * parseConfidence("90"); // 90
 */
export function parseConfidence(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isInteger(n) && n >= 1 && n <= 99)) {
    throw new Error(
      `--confidence: "${text}" is not a whole percentage 1-99 (80 books against P20 of available)`,
    );
  }
  return n;
}
