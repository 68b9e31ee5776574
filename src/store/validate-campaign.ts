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
 * duplicates, dimensions in config order; pacing defaults to `even`. Throws on the first problem, naming the
 * field through `label`.
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
  if (parseIsoDate(end) < parseIsoDate(start)) {
    throw new Error(`${label("end")}: ${end} is before the start ${start}`);
  }
  const goal = input.goal_impressions;
  if (typeof goal !== "number" || !Number.isSafeInteger(goal) || goal < 1) {
    throw new Error(
      `${label("goal_impressions")}: expected a whole number of impressions >= 1, got ${show(goal)}`,
    );
  }
  const priority = input.priority;
  if (!PRIORITIES.includes(priority as Priority)) {
    throw new Error(`${label("priority")}: expected one of ${PRIORITIES.join(", ")}, got ${show(priority)}`);
  }
  const pacing = input.pacing ?? "even";
  if (!PACINGS.includes(pacing as Pacing)) {
    throw new Error(`${label("pacing")}: expected one of ${PACINGS.join(", ")}, got ${show(pacing)}`);
  }
  const cpm = input.cpm_micros ?? null;
  if (cpm !== null && (typeof cpm !== "number" || !Number.isSafeInteger(cpm) || cpm < 0)) {
    throw new Error(`${label("cpm_micros")}: expected a whole number of micros >= 0, got ${show(cpm)}`);
  }
  return {
    id,
    name: name.trim(),
    advertiser,
    targeting,
    start,
    end,
    priority: priority as Priority,
    pacing: pacing as Pacing,
    goal_impressions: goal,
    cpm_micros: cpm as number | null,
  };
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

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
