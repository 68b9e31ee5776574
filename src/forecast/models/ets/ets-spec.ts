import type { EtsError, EtsSeason, EtsTrend } from "./ets-form.js";
import { type EtsFixedParameters, USUAL_LOWER, USUAL_UPPER } from "./parameter-layout.js";
import type { EtsSearchSpace } from "./select-ets.js";

/**
 * What to fit: each component fixed, or "Z" to choose it by AICc (the default), as in R's
 * `ets(y, model = "ZZZ")`. The trend "Ad" is the damped additive trend; "Md" the damped multiplicative one.
 */
export interface EtsSpec {
  readonly error?: EtsError | "Z";
  readonly trend?: EtsTrend | "Ad" | "Md" | "Z";
  readonly season?: EtsSeason | "Z";
  /** Let "Z" choose multiplicative trends too (off by default, as in R, for their erratic forecasts). */
  readonly allowMultiplicativeTrend?: boolean;
  /** Smoothing parameters to hold fixed, inside the usual region. */
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  readonly phi?: number;
  /** Sample paths for simulated intervals (default 2000) and their seed (default 1). */
  readonly paths?: number;
  readonly seed?: number;
}

/** A spec checked and unfolded into the components to search and the parameters to hold. */
export interface ParsedEtsSpec {
  readonly space: EtsSearchSpace;
  readonly fixed: EtsFixedParameters;
  readonly paths: number;
  readonly seed: number;
}

function checkParameter(name: string, value: number | undefined, low: number, high: number): void {
  if (value !== undefined && !(value >= low && value <= high)) {
    throw new RangeError(`ets: spec.${name} must lie in [${low}, ${high}], got ${value}`);
  }
}

/**
 * Checks a spec and unfolds it; throws a RangeError naming the field that is wrong.
 * @example parseEtsSpec({ error: "M", trend: "Ad", season: "M" }).space.damping // [true]
 */
export function parseEtsSpec(spec: EtsSpec = {}): ParsedEtsSpec {
  const error = spec.error ?? "Z";
  const trend = spec.trend ?? "Z";
  const season = spec.season ?? "Z";
  if (!["A", "M", "Z"].includes(error))
    throw new RangeError(`ets: spec.error must be "A", "M" or "Z", got ${error}`);
  if (!["N", "A", "Ad", "M", "Md", "Z"].includes(trend)) {
    throw new RangeError(`ets: spec.trend must be "N", "A", "Ad", "M", "Md" or "Z", got ${trend}`);
  }
  if (!["N", "A", "M", "Z"].includes(season)) {
    throw new RangeError(`ets: spec.season must be "N", "A", "M" or "Z", got ${season}`);
  }
  checkParameter("alpha", spec.alpha, USUAL_LOWER.alpha, USUAL_UPPER.alpha);
  checkParameter("beta", spec.beta, USUAL_LOWER.beta, USUAL_UPPER.beta);
  checkParameter("gamma", spec.gamma, USUAL_LOWER.gamma, USUAL_UPPER.gamma);
  checkParameter("phi", spec.phi, 0.5, 1);
  if (spec.alpha !== undefined && spec.beta !== undefined && spec.beta > spec.alpha) {
    throw new RangeError(`ets: spec.beta (${spec.beta}) must not exceed spec.alpha (${spec.alpha})`);
  }
  if (spec.alpha !== undefined && spec.gamma !== undefined && spec.gamma > 1 - spec.alpha + 1e-12) {
    throw new RangeError(
      `ets: spec.gamma (${spec.gamma}) must not exceed 1 - spec.alpha (${1 - spec.alpha})`,
    );
  }
  const paths = spec.paths ?? 2000;
  if (!(Number.isInteger(paths) && paths >= 10))
    throw new RangeError(`ets: spec.paths must be an integer >= 10, got ${paths}`);
  const seed = spec.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`ets: spec.seed must be a finite number, got ${seed}`);

  const multiplicativeTrend = spec.allowMultiplicativeTrend === true;
  const trends: EtsTrend[] =
    trend === "Z"
      ? multiplicativeTrend
        ? ["N", "A", "M"]
        : ["N", "A"]
      : [trend === "Ad" ? "A" : trend === "Md" ? "M" : trend];
  const damping = trend === "Z" ? [true, false] : [trend === "Ad" || trend === "Md"];
  return {
    space: {
      errors: error === "Z" ? ["A", "M"] : [error],
      trends,
      damping,
      seasons: season === "Z" ? ["N", "A", "M"] : [season],
    },
    fixed: { alpha: spec.alpha, beta: spec.beta, gamma: spec.gamma, phi: spec.phi },
    paths,
    seed,
  };
}
