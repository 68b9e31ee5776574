import { resolve } from "node:path";
import { MODEL_NAMES } from "../forecast/models/model-names.js";
import { canonicalModelSpec, parseModelSpec, splitModelList } from "../forecast/models/model-spec.js";
import { DEFAULT_SEASONS, type Frequency, parseFrequency } from "../series/frequency.js";

/** Interval levels when the user names none. */
export const DEFAULT_LEVELS: readonly number[] = [80, 95];

/** The flags of `avails forecast --input` and `avails backtest` as commander hands them over: text. */
export interface RawForecastFlags {
  input: string;
  freq: string;
  horizon: string;
  /** Every `--level`, in the order given (commander collects a repeated option with collectRepeated). */
  level?: string[];
  /** Every `--quantile` (forecast only), in the order given. */
  quantile?: string[];
  /** `--season 24,168`, or `none` for no seasonality. */
  season?: string;
  /** forecast: `--model` (default auto); backtest: `--models a,b`. */
  model?: string;
  models?: string;
  output?: string;
  windows?: string;
}

/** Settings every file forecast needs, checked. */
export interface FileForecastSettings {
  input: string;
  freq: Frequency;
  horizon: number;
  /** Percentages strictly between 0 and 100, in the order given (the output's column order). */
  levels: number[];
  /** Seasonal periods in steps, ascending; the frequency's defaults unless given. */
  seasons: number[];
}

/**
 * Commander's collector for an option given several times (`--level 80 --level 95`).
 *
 * @example
 * program.option("--level <percent>", "interval level", collectRepeated, []);
 */
export function collectRepeated(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function wholeNumber(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new Error(`${flag}: "${text}" is not a whole number >= ${min}`);
  }
  return n;
}

function levels(texts: readonly string[] | undefined): number[] {
  if (texts === undefined || texts.length === 0) return [...DEFAULT_LEVELS];
  const parsed = texts.map((text) => {
    const level = Number(text);
    if (text.trim() === "" || !Number.isFinite(level) || level <= 0 || level >= 100) {
      throw new Error(`--level: "${text}" is not a percentage strictly between 0 and 100`);
    }
    return level;
  });
  for (let i = 0; i < parsed.length; i++) {
    if (parsed.indexOf(parsed[i]) !== i) throw new Error(`--level: ${parsed[i]} is given twice`);
  }
  return parsed;
}

function quantileFlags(texts: readonly string[] | undefined): number[] {
  const parsed = (texts ?? []).map((text) => {
    const p = Number(text);
    if (text.trim() === "" || !Number.isFinite(p) || p <= 0 || p >= 1) {
      throw new Error(`--quantile: "${text}" is not a probability strictly between 0 and 1`);
    }
    return p;
  });
  for (let i = 0; i < parsed.length; i++) {
    if (parsed.indexOf(parsed[i]) !== i) throw new Error(`--quantile: ${parsed[i]} is given twice`);
  }
  return parsed;
}

function seasons(text: string | undefined, freq: Frequency): number[] {
  if (text === undefined) return [...DEFAULT_SEASONS[freq]];
  if (text.trim() === "none") return [];
  const parsed = text.split(",").map((part) => {
    const n = Number(part.trim());
    if (!/^\d+$/.test(part.trim()) || !Number.isSafeInteger(n) || n < 2) {
      throw new Error(`--season: "${text}" is not "none" or a list of whole numbers >= 2 (e.g. 24,168)`);
    }
    return n;
  });
  parsed.sort((a, b) => a - b);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i] === parsed[i - 1]) throw new Error(`--season: ${parsed[i]} is given twice`);
  }
  return parsed;
}

/**
 * Model specs from `--model x` or `--models a,median(b, c)`, split at the commas outside parentheses,
 * checked against the known names and written back canonically (`canonicalModelSpec`).
 */
function modelNames(flag: string, text: string, known: readonly string[]): string[] {
  return splitModelList(text, flag).map((part) => {
    if (part === "") throw new Error(`${flag}: "${text}" has an empty model name`);
    return canonicalModelSpec(parseModelSpec(part, flag, known));
  });
}

function common(raw: RawForecastFlags): FileForecastSettings {
  const freq = parseFrequency(raw.freq);
  return {
    input: raw.input,
    freq,
    horizon: wholeNumber("--horizon", raw.horizon, 1),
    levels: levels(raw.level),
    seasons: seasons(raw.season, freq),
  };
}

/**
 * Checks the flags of `avails forecast --input F.csv --freq F --horizon N [--level L]... [--season S]
 * [--model M] --output O.csv`, throwing an Error naming the first bad flag.
 *
 * @param knownModels model names `--model` may take, alone or in an ensemble; default every model's
 * @example
 * parseForecastFlags({ input: "in.csv", freq: "hourly", horizon: "168", output: "out.csv" });
 * // { input: "in.csv", freq: "hourly", horizon: 168, levels: [80, 95], seasons: [24, 168], model: "auto", output: "out.csv" }
 */
export function parseForecastFlags(
  raw: RawForecastFlags,
  knownModels: readonly string[] = MODEL_NAMES,
): FileForecastSettings & { model: string; output: string; quantiles: number[] } {
  const settings = common(raw);
  const quantiles = quantileFlags(raw.quantile);
  // Quantiles alone ask for no interval columns; --level adds them back.
  if (quantiles.length > 0 && (raw.level === undefined || raw.level.length === 0)) settings.levels = [];
  const [model, ...more] = modelNames("--model", raw.model ?? "auto", knownModels);
  if (more.length > 0) throw new Error(`--model: "${raw.model}" names more than one model`);
  if (raw.output === undefined || raw.output === "") throw new Error("--output: a file to write is required");
  if (resolve(raw.output) === resolve(raw.input)) {
    throw new Error(`--output: ${raw.output} is the --input file; write the forecast elsewhere`);
  }
  return { ...settings, model, output: raw.output, quantiles };
}

/**
 * Checks the flags of `avails backtest --input F.csv --freq F --horizon N --windows K [--models a,b]
 * [--level L]... [--season S]`, throwing an Error naming the first bad flag.
 *
 * @param knownModels model names `--models` may list, alone or in ensembles; default every model's
 * @example
 * parseBacktestFlags({ input: "in.csv", freq: "daily", horizon: "14", windows: "3", models: "ets,theta" });
 * // { ..., horizon: 14, windows: 3, models: ["ets", "theta"], seasons: [7] }
 */
export function parseBacktestFlags(
  raw: RawForecastFlags,
  knownModels: readonly string[] = MODEL_NAMES,
): FileForecastSettings & { windows: number; models: string[] } {
  const settings = common(raw);
  if (raw.windows === undefined) throw new Error("--windows: the number of backtest windows is required");
  const windows = wholeNumber("--windows", raw.windows, 1);
  const models = modelNames("--models", raw.models ?? "auto", knownModels);
  for (let i = 0; i < models.length; i++) {
    if (models.indexOf(models[i]) !== i) throw new Error(`--models: ${models[i]} is given twice`);
  }
  return { ...settings, windows, models };
}
