import type { Config } from "../config/schema.js";
import { parseIsoDate } from "../series/civil-date.js";
import {
  type Campaign,
  PACINGS,
  type Pacing,
  PRIORITIES,
  type Priority,
  type Targeting,
} from "./campaign.js";

/** How an error names a campaign field: a flag (`--goal`) for the CLI, a JSON path for a file. */
export type FieldLabel = (field: string) => string;

const plainLabel: FieldLabel = (field) => field;
const ID = /^[^\s\p{Cc}]{1,128}$/u;

/**
 * Checks a campaign given as a plain object (a parsed JSON record, or flags already split) against the
 * config and returns it normalised: targeting values in each dimension's configured case, without
 * duplicates, dimensions in config order; the time zone in its canonical spelling, defaulting to the
 * reporting time zone; pacing defaults to `even`. The goal is given either in impressions
 * (`goal_impressions`) or as a budget (`budget_micros`, which needs `cpm_micros` > 0): the goal is then
 * floor(budget_micros × 1000 / cpm_micros), and a record carrying both (as stored ones do) must agree.
 * Throws on the first problem, naming the field through `label`.
 *
 * @example
 * validateCampaign({ id: "c1", name: "Spring", targeting: { geo: ["se"] }, start: "2026-12-01",
 *   end: "2026-12-14", goal_impressions: 50000, priority: "guaranteed" }, config).targeting; // { geo: ["SE"] }
 */
export function validateCampaign(
  input: Record<string, unknown>,
  config: Config,
  label: FieldLabel = plainLabel,
): Campaign {
  const id = input.id;
  if (typeof id !== "string" || !ID.test(id)) {
    throw new Error(`${label("id")}: expected 1-128 characters without spaces, got ${show(id)}`);
  }
  const name = input.name;
  if (typeof name !== "string" || name.trim() === "" || name.length > 256) {
    throw new Error(
      `${label("name")}: expected a non-empty text of at most 256 characters, got ${show(name)}`,
    );
  }
  const advertiser = input.advertiser ?? null;
  if (advertiser !== null && typeof advertiser !== "string") {
    throw new Error(`${label("advertiser")}: expected a text, got ${show(advertiser)}`);
  }
  const targeting = normalizeTargeting(input.targeting ?? {}, config, label);
  const start = date(input.start, label("start"));
  const end = date(input.end, label("end"));
  const flightDays = parseIsoDate(end) - parseIsoDate(start) + 1;
  if (flightDays < 1) throw new Error(`${label("end")}: ${end} is before the start ${start}`);
  const timeZone = zone(input.time_zone ?? config.timeZone, label("time_zone"));
  const priority = input.priority;
  if (!PRIORITIES.includes(priority as Priority)) {
    throw new Error(`${label("priority")}: expected one of ${PRIORITIES.join(", ")}, got ${show(priority)}`);
  }
  const pacing = input.pacing ?? "even";
  if (!PACINGS.includes(pacing as Pacing)) {
    throw new Error(`${label("pacing")}: expected one of ${PACINGS.join(", ")}, got ${show(pacing)}`);
  }
  const frontload = input.frontload_percent ?? null;
  if (pacing === "frontloaded") {
    if (typeof frontload !== "number" || !Number.isInteger(frontload) || frontload < 1 || frontload > 100) {
      throw new Error(
        `${label("frontload_percent")}: expected a whole percentage 1-100 with ${label("pacing")} frontloaded, got ${show(frontload ?? undefined)}`,
      );
    }
  } else if (frontload !== null) {
    throw new Error(
      `${label("frontload_percent")}: only with ${label("pacing")} frontloaded (pacing is ${pacing})`,
    );
  }
  const cpm = optionalWhole(input.cpm_micros, label("cpm_micros"), 0, "micros");
  const budget = optionalWhole(input.budget_micros, label("budget_micros"), 1, "micros");
  const goal = goalOf(input.goal_impressions ?? null, budget, cpm, label);
  const cap = optionalWhole(input.daily_cap, label("daily_cap"), 1, "impressions a day");
  if (cap !== null && cap * flightDays < goal) {
    throw new Error(
      `${label("daily_cap")}: ${cap} a day over ${flightDays} flight day(s) carries at most ${cap * flightDays}, less than the goal of ${goal}`,
    );
  }
  return {
    id,
    name: name.trim(),
    advertiser,
    targeting,
    start,
    end,
    time_zone: timeZone,
    priority: priority as Priority,
    pacing: pacing as Pacing,
    frontload_percent: frontload as number | null,
    goal_impressions: goal,
    budget_micros: budget,
    cpm_micros: cpm,
    daily_cap: cap,
  };
}

/**
 * The goal in impressions: given as is, or bought by the budget at the CPM (floor(budget × 1000 / cpm), in
 * exact integer arithmetic). Exactly one of the two is required; a stored record carries both, which must
 * then agree.
 */
function goalOf(goal: unknown, budget: number | null, cpm: number | null, label: FieldLabel): number {
  if (goal !== null && (typeof goal !== "number" || !Number.isSafeInteger(goal) || goal < 1)) {
    throw new Error(
      `${label("goal_impressions")}: expected a whole number of impressions >= 1, got ${show(goal)}`,
    );
  }
  if (budget === null) {
    if (goal === null) {
      throw new Error(
        `${label("goal_impressions")} or ${label("budget_micros")}: one of them is required, got neither`,
      );
    }
    return goal as number;
  }
  if (cpm === null) {
    throw new Error(
      `${label("cpm_micros")}: required with ${label("budget_micros")} (the price of the budget)`,
    );
  }
  if (cpm === 0) throw new Error(`${label("cpm_micros")}: must be above 0 with ${label("budget_micros")}`);
  const bought = Number((BigInt(budget) * 1000n) / BigInt(cpm));
  if (bought < 1) {
    throw new Error(
      `${label("budget_micros")}: ${budget} micros buys no impression at a CPM of ${cpm} micros`,
    );
  }
  if (!Number.isSafeInteger(bought)) {
    throw new Error(`${label("budget_micros")}: ${budget} micros buys more impressions than can be counted`);
  }
  if (goal !== null && goal !== bought) {
    throw new Error(
      `${label("goal_impressions")} and ${label("budget_micros")}: give one of them, not both (the budget buys ${bought}, the goal says ${goal})`,
    );
  }
  return bought;
}

/**
 * Checks a targeting (dimension → allowed values) against the configured dimensions: an unknown dimension or
 * an empty value list is an error naming it; values take the dimension's configured case and lose duplicates.
 *
 * @example
 * normalizeTargeting({ device: ["Mobile", "mobile"], geo: ["se"] }, config); // { geo: ["SE"], device: ["mobile"] }
 */
export function normalizeTargeting(
  value: unknown,
  config: Config,
  label: FieldLabel = plainLabel,
): Targeting {
  const field = label("targeting");
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${field}: expected an object of dimension → values, got ${show(value)}`);
  }
  const record = value as Record<string, unknown>;
  const configured = config.dimensions.map((d) => d.name);
  for (const dimension of Object.keys(record)) {
    if (!configured.includes(dimension)) {
      throw new Error(`${field}: unknown dimension "${dimension}" (configured: ${configured.join(", ")})`);
    }
  }
  const targeting: Targeting = {};
  for (const dimension of config.dimensions) {
    if (!Object.hasOwn(record, dimension.name) || record[dimension.name] === undefined) continue;
    const values = record[dimension.name];
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error(`${field}.${dimension.name}: expected a non-empty list of values, got ${show(values)}`);
    }
    const seen = new Set<string>();
    for (const raw of values) {
      if (typeof raw !== "string" || raw.trim() === "") {
        throw new Error(`${field}.${dimension.name}: expected non-empty texts, got ${show(raw)}`);
      }
      const trimmed = raw.trim();
      seen.add(
        dimension.case === "upper"
          ? trimmed.toUpperCase()
          : dimension.case === "lower"
            ? trimmed.toLowerCase()
            : trimmed,
      );
    }
    targeting[dimension.name] = [...seen];
  }
  return targeting;
}

function date(value: unknown, field: string): string {
  if (typeof value !== "string" || Number.isNaN(parseIsoDate(value))) {
    throw new Error(`${field}: expected a date (YYYY-MM-DD), got ${show(value)}`);
  }
  return value;
}

function zone(value: unknown, field: string): string {
  if (typeof value === "string" && value.trim() !== "") {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: value.trim() }).resolvedOptions().timeZone;
    } catch {
      // Named below.
    }
  }
  throw new Error(`${field}: expected an IANA time zone (e.g. Europe/Stockholm), got ${show(value)}`);
}

function optionalWhole(value: unknown, field: string, min: number, unit: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${field}: expected a whole number of ${unit} >= ${min}, got ${show(value)}`);
  }
  return value;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
