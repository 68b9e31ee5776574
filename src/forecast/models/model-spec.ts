import { MODEL_NAMES } from "./model-names.js";

/** How an ensemble spec combines its members. */
export type SpecCombination = "mean" | "median";

/** A parsed model spec: one named model, or the mean or median of several. */
export type ModelSpec =
  | { readonly kind: "model"; readonly name: string }
  | { readonly kind: "ensemble"; readonly how: SpecCombination; readonly members: readonly string[] };

const ENSEMBLE = /^(mean|median)\s*\((.*)\)$/s;

/**
 * Parses what `--model` (and the config's model settings) may name: a model of `MODEL_NAMES`, or an
 * ensemble of two or more of them written `mean(a, b, ...)` or `median(a, b, ...)` (forecast combination;
 * the median is the robust choice when one member may go astray). Ensembles do not nest.
 *
 * @param label what the spec came from, for the errors (e.g. "--model")
 * @param known the names a model may have
 * @throws Error saying what is wrong with `text`, quoting it
 * @example parseModelSpec("median(ets, theta, arima)") // { kind: "ensemble", how: "median", members: ["ets", "theta", "arima"] }
 */
export function parseModelSpec(
  text: string,
  label = "model",
  known: readonly string[] = MODEL_NAMES,
): ModelSpec {
  const trimmed = text.trim();
  if (trimmed === "") throw new Error(`${label}: "${text}" has an empty model name`);
  if (known.includes(trimmed)) return { kind: "model", name: trimmed };
  const match = ENSEMBLE.exec(trimmed);
  if (match === null && /^(mean|median)\s*\(/.test(trimmed)) {
    const what = trimmed.includes(")")
      ? "has text after its closing parenthesis"
      : "leaves a parenthesis open";
    throw new Error(`${label}: "${trimmed}" ${what}`);
  }
  if (match === null) {
    if (/[(),]/.test(trimmed)) {
      throw new Error(
        `${label}: "${trimmed}" is not an ensemble: write mean(a, b, ...) or median(a, b, ...)`,
      );
    }
    throw new Error(`${label}: "${trimmed}" is not one of ${known.join(", ")}`);
  }
  const how = match[1] as SpecCombination;
  const members = match[2].split(",").map((name) => name.trim());
  for (const name of members) {
    if (name === "") throw new Error(`${label}: "${trimmed}" has an empty member`);
    if (/[()]/.test(name)) throw new Error(`${label}: "${trimmed}": ensembles do not nest`);
    if (!known.includes(name)) {
      throw new Error(`${label}: "${trimmed}": "${name}" is not one of ${known.join(", ")}`);
    }
  }
  if (members.length < 2) {
    throw new Error(`${label}: "${trimmed}": an ensemble needs at least two models`);
  }
  const twice = members.find((name, i) => members.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`${label}: "${trimmed}": "${twice}" is given twice`);
  return { kind: "ensemble", how, members };
}

/**
 * The spec written the one way avails writes it back (reports, the `model` column): a name as it is, an
 * ensemble as `how(a, b)`.
 *
 * @example canonicalModelSpec(parseModelSpec("median(ets,theta)")) // "median(ets, theta)"
 */
export function canonicalModelSpec(spec: ModelSpec): string {
  return spec.kind === "model" ? spec.name : `${spec.how}(${spec.members.join(", ")})`;
}

/**
 * Splits a comma-separated list of model specs (`--models ets,median(ets, theta)`) at the commas that are
 * outside parentheses.
 *
 * @throws Error when the parentheses do not balance
 * @example splitModelList("ets, mean(ets, theta)") // ["ets", "mean(ets, theta)"]
 */
export function splitModelList(text: string, label = "models"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth < 0) throw new Error(`${label}: "${text}" closes a parenthesis it did not open`);
    } else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) throw new Error(`${label}: "${text}" leaves a parenthesis open`);
  parts.push(text.slice(start).trim());
  return parts;
}
