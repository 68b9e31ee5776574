import { existsSync, readFileSync } from "node:fs";
import { type Config, configSchema } from "./schema.js";

/** The config file looked for in the working folder when no path is given. */
export const DEFAULT_CONFIG_FILE = "avails.config.json";

/**
 * Loads the config: the file given (or `$AVAILS_CONFIG`, or `./avails.config.json` when present), validated
 * against the schema, with defaults for everything left out. With no file at all, the defaults make the demo
 * work. Errors name the file and the field.
 *
 * @example
 * const config = loadConfig();                      // defaults, or ./avails.config.json
 * const custom = loadConfig("conf/avails.json");    // throws 'conf/avails.json: allowedLatenessHours: ...'
 */
export function loadConfig(path?: string): Config {
  const file =
    path ?? process.env.AVAILS_CONFIG ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (file === undefined) return parseConfig({}, "defaults");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`config ${file}: cannot read the file`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`config ${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(value, file);
}

/**
 * Validates a config object, filling defaults. Throws with the first problem's field path.
 *
 * @example
 * parseConfig({ allowedLatenessHours: 24 }, "inline").allowedLatenessHours; // 24
 */
export function parseConfig(value: unknown, origin: string): Config {
  const result = configSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join(".") : "(root)";
    throw new Error(`config ${origin}: ${field}: ${issue.message}`);
  }
  return result.data;
}
