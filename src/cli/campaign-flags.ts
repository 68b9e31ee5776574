import type { FieldLabel } from "../store/validate-campaign.js";

/** The flags of `avails campaigns add` as commander hands them over: text. */
export interface RawCampaignFlags {
  id?: string;
  name?: string;
  advertiser?: string;
  /** Every `--targeting dimension=v1,v2`, in the order given. */
  targeting?: string[];
  start?: string;
  end?: string;
  goal?: string;
  priority?: string;
  pacing?: string;
  /** CPM in currency units (`12.50`), stored as micros. */
  cpm?: string;
}

const FLAG_OF: Record<string, string> = {
  goal_impressions: "--goal",
  cpm_micros: "--cpm",
};

/** Names a campaign field by the flag that sets it, so validation errors point at the command line. */
export const flagLabel: FieldLabel = (field) => {
  const dot = field.indexOf(".");
  const head = dot < 0 ? field : field.slice(0, dot);
  return `${FLAG_OF[head] ?? `--${head}`}${dot < 0 ? "" : field.slice(dot)}`;
};

/**
 * Turns `campaigns add` flags into a campaign record for validateCampaign: targeting flags merged into one
 * object (a dimension given twice takes the union), numbers parsed. Errors name the flag.
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
    ["--goal", flags.goal],
    ["--priority", flags.priority],
  ] as const) {
    if (value === undefined) throw new Error(`${flag} is required`);
  }
  return {
    id: flags.id,
    name: flags.name,
    advertiser: flags.advertiser,
    targeting: parseTargetingFlags(flags.targeting ?? []),
    start: flags.start,
    end: flags.end,
    goal_impressions: wholeNumber("--goal", flags.goal as string),
    priority: flags.priority,
    pacing: flags.pacing,
    cpm_micros: flags.cpm === undefined ? undefined : cpmMicros(flags.cpm),
  };
}

/**
 * Parses repeated `--targeting dimension=v1,v2` flags into dimension → values (no case normalisation: the
 * config does that).
 *
 * @example
 * parseTargetingFlags(["geo=SE,NO", "geo=DK"]); // { geo: ["SE", "NO", "DK"] }
 */
export function parseTargetingFlags(values: readonly string[]): Record<string, string[]> {
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
      throw new Error(`--targeting: "${text}" is not dimension=value[,value...]`);
    }
    targeting[dimension] = [...(targeting[dimension] ?? []), ...list];
  }
  return targeting;
}

function wholeNumber(flag: string, text: string): number {
  const n = /^\s*\d[\d_]*\s*$/.test(text) ? Number(text.replaceAll("_", "")) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`${flag}: "${text}" is not a whole number`);
  return n;
}

function cpmMicros(text: string): number {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) throw new Error(`--cpm: "${text}" is not a price (e.g. 12.50)`);
  return Math.round(n * 1e6);
}
