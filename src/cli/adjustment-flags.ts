import type { Config } from "../config/schema.js";
import { type AdjustmentSpec, isCalendarDate } from "../forecast/adjust/adjustment.js";

/** The flags of `avails adjustments add` as commander hands them over: text. */
export interface RawAdjustmentFlags {
  targeting?: string;
  start?: string;
  end?: string;
  percent?: string;
  dailyVolume?: string;
  name?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks the flags of `avails adjustments add` against the config and turns them into an adjustment. Targeting
 * is `dim=value[,dim=value...]`, several values of one dimension joined by `+` (`geo=SE+NO`); values are
 * case-normalised as the dimension's events are. Every error names its flag.
 *
 * @example
 * parseAdjustmentFlags({ targeting: "geo=se,device=mobile", start: "2026-12-01", end: "2026-12-24",
 *   percent: "15" }, config);
 * // { name: "geo=SE,device=mobile +15%", targeting: { geo: ["SE"], device: ["mobile"] },
 * //   start: "2026-12-01", end: "2026-12-24", kind: "percent", value: 15 }
 */
export function parseAdjustmentFlags(raw: RawAdjustmentFlags, config: Config): AdjustmentSpec {
  const targeting = parseTargeting(raw.targeting, config);
  const start = date("--start", raw.start);
  const end = date("--end", raw.end);
  if (end < start) throw new Error(`--end: ${end} is before --start ${start}`);
  if ((raw.percent === undefined) === (raw.dailyVolume === undefined)) {
    throw new Error(
      raw.percent === undefined
        ? "--percent or --daily-volume: give one (e.g. --percent 15 or --daily-volume 50000)"
        : "--percent and --daily-volume: give one of them, not both",
    );
  }
  let kind: AdjustmentSpec["kind"];
  let value: number;
  if (raw.percent !== undefined) {
    kind = "percent";
    value = number("--percent", raw.percent);
    if (value <= -100) {
      throw new Error(
        `--percent: ${raw.percent} would take the forecast to zero or below (it must be above -100)`,
      );
    }
  } else {
    kind = "daily_volume";
    value = number("--daily-volume", raw.dailyVolume as string);
    if (value < 0)
      throw new Error(`--daily-volume: ${raw.dailyVolume} is negative (a daily volume is at least 0)`);
  }
  const name = raw.name ?? defaultName(targeting, kind, value);
  if (name.trim() === "") throw new Error("--name: empty");
  return { name, targeting, start, end, kind, value };
}

function date(flag: string, text: string | undefined): string {
  if (text === undefined) throw new Error(`${flag}: required (YYYY-MM-DD, a day in the reporting time zone)`);
  if (!isCalendarDate(text)) throw new Error(`${flag}: "${text}" is not a date (YYYY-MM-DD)`);
  return text;
}

function number(flag: string, text: string): number {
  const value = Number(text);
  if (!NUMBER.test(text.trim()) || !Number.isFinite(value))
    throw new Error(`${flag}: "${text}" is not a number`);
  return value;
}

function parseTargeting(text: string | undefined, config: Config): Record<string, string[]> {
  const targeting: Record<string, string[]> = {};
  if (text === undefined) return targeting;
  const dimensions = new Map(config.dimensions.map((d) => [d.name, d]));
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    const dimension = dimensions.get(name);
    if (dimension === undefined) {
      throw new Error(
        name === ""
          ? `--targeting: "${text}" is not dimension=value[,dimension=value] (e.g. geo=SE,device=mobile)`
          : `--targeting: unknown dimension "${name}" (configured: ${[...dimensions.keys()].join(", ")})`,
      );
    }
    const values =
      eq < 0
        ? []
        : part
            .slice(eq + 1)
            .split("+")
            .map((v) => v.trim());
    if (values.length === 0 || values.some((v) => v === "")) {
      throw new Error(
        `--targeting: "${part}" needs a value after ${name}= (several joined by +, e.g. geo=SE+NO)`,
      );
    }
    const normalised = values.map((v) =>
      dimension.case === "upper" ? v.toUpperCase() : dimension.case === "lower" ? v.toLowerCase() : v,
    );
    // The same dimension twice widens it: geo=SE,geo=NO is geo=SE+NO.
    targeting[name] = [...new Set([...(targeting[name] ?? []), ...normalised])];
  }
  return targeting;
}

function defaultName(
  targeting: Record<string, string[]>,
  kind: AdjustmentSpec["kind"],
  value: number,
): string {
  const segment = Object.entries(targeting)
    .map(([d, v]) => `${d}=${v.join("+")}`)
    .join(",");
  const change = kind === "percent" ? `${value >= 0 ? "+" : ""}${value}%` : `${value}/day`;
  return `${segment === "" ? "all" : segment} ${change}`;
}
