import type { LevelsAnswer } from "./types.js";

/** What every page gets: what the live run forecasts (levels, keys, days, time zone). */
export interface AppContext {
  levels: LevelsAnswer;
}

/**
 * A page: draws itself into `root` from the hash route's parameters, and returns what to do when the user
 * leaves it (destroy charts, cancel requests).
 */
export type Page = (root: HTMLElement, params: URLSearchParams, app: AppContext) => (() => void) | undefined;
