import { hostname } from "node:os";
import type { StreamSourceOptions } from "../stream/open-stream-source.js";

/** The consumer flags as commander gives them (text). */
export interface StreamFlagText {
  group: string;
  consumer?: string;
  batch: string;
  blockMs: string;
}

/**
 * Reads the consumer flags of `avails stream` (and `avails serve --stream`), naming the flag that is wrong;
 * `names` gives each flag's name as the command spells it.
 *
 * @example
 * streamSourceOptions({ group: "avails", batch: "1000", blockMs: "2000" }, "--source");
 * // { group: "avails", consumer: "<host name>", batchSize: 1000, blockMs: 2000, flag: "--source" }
 */
export function streamSourceOptions(
  flags: StreamFlagText,
  flag: string,
  names = { batch: "--batch", blockMs: "--block-ms" },
): StreamSourceOptions {
  return {
    group: flags.group,
    consumer: flags.consumer ?? hostname(),
    batchSize: wholeNumber(names.batch, flags.batch, 1),
    blockMs: wholeNumber(names.blockMs, flags.blockMs, 0),
    flag,
  };
}

/** Parses a whole-number flag, naming the flag when the text is not one. */
function wholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${flag}: "${text}" is not a whole number >= ${min}`);
  }
  return value;
}
