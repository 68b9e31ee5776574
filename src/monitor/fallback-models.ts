import type { Config } from "../config/schema.js";
import { resolveModel } from "../forecast/models/registry.js";
import type { Store } from "../store/store.js";
import { measureAccuracy } from "./measure-accuracy.js";

/**
 * The series the next forecast run should forecast with the config's `monitor.fallbackModel`: those whose
 * bias alarm fires now (`driftAlarms`), key to model. Empty when the fallback is off (null) or nothing fires.
 * Coverage alarms are left alone: a baseline model does not make bands cover better.
 *
 * @example
 * const modelOf = await fallbackModels(store, config); // Map { "geo=SE" => "snaive" }
 * await runForecast(store, config, { modelOf });
 */
export async function fallbackModels(store: Store, config: Config): Promise<Map<string, string>> {
  const model = config.monitor.fallbackModel;
  const modelOf = new Map<string, string>();
  if (model === null) return modelOf;
  try {
    resolveModel(model);
  } catch (error) {
    throw new Error(`monitor.fallbackModel: ${(error as Error).message}`);
  }
  const live = await measureAccuracy(store, config);
  for (const alarm of live?.alarms ?? []) {
    if (alarm.kind === "bias" && alarm.key !== null) modelOf.set(alarm.key, model);
  }
  return modelOf;
}
