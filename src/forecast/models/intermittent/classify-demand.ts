import { assertDemand } from "./assert-demand.js";
import { demandParts } from "./demand-parts.js";

/** The Syntetos-Boylan-Croston demand classes. */
export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy";

/** How a series' demand behaves. */
export interface DemandClassification {
  /** Average demand interval: the mean of the intervals between demands (values above 0), the first counted from the start; Infinity without demand. */
  readonly adi: number;
  /** Squared coefficient of variation of the demand sizes (sample variance over squared mean); 0 with fewer than 2 demands. */
  readonly cv2: number;
  /** The class by the cut-offs ADI 1.32 and CV² 0.49. */
  readonly class: DemandClass;
  /** Periods with a demand. */
  readonly demands: number;
  /** Share of periods with no demand, over the whole series (trailing zeros included, unlike ADI). */
  readonly zeroShare: number;
}

/** The ADI cut-off of Syntetos, Boylan & Croston (2005): above it, demand is intermittent. */
export const ADI_CUTOFF = 1.32;
/** The CV² cut-off of Syntetos, Boylan & Croston (2005): above it, demand sizes are erratic. */
export const CV2_CUTOFF = 0.49;

/**
 * Classifies demand as Syntetos, Boylan & Croston (2005) do, from the average interval between demands
 * (ADI) and the squared coefficient of variation of their sizes (CV²): smooth (ADI < 1.32, CV² < 0.49),
 * erratic (ADI < 1.32, CV² >= 0.49), intermittent (ADI >= 1.32, CV² < 0.49) and lumpy (both above). Their
 * analysis shows SBA beats Croston's method outside the smooth class. A series without demand is
 * "intermittent" (ADI Infinity, CV² 0). Throws on a negative or non-finite value, naming it.
 *
 * @example
 * classifyDemand(new Float64Array([0, 0, 5, 0, 0, 5, 0, 6])) // { adi: 8 / 3, cv2: 3 / 256, class: "intermittent", ... }
 */
export function classifyDemand(y: Float64Array): DemandClassification {
  if (!(y instanceof Float64Array)) throw new TypeError("y must be a Float64Array");
  if (y.length === 0) throw new RangeError("y must hold at least one observation");
  assertDemand(y);
  const { sizes, intervals } = demandParts(y, y.length);
  const demands = sizes.length;
  const zeroShare = (y.length - demands) / y.length;
  if (demands === 0)
    return { adi: Number.POSITIVE_INFINITY, cv2: 0, class: "intermittent", demands, zeroShare };
  let intervalSum = 0;
  let sizeSum = 0;
  for (let i = 0; i < demands; i++) {
    intervalSum += intervals[i];
    sizeSum += sizes[i];
  }
  const adi = intervalSum / demands;
  const sizeMean = sizeSum / demands;
  let squares = 0;
  for (let i = 0; i < demands; i++) squares += (sizes[i] - sizeMean) ** 2;
  const cv2 = demands > 1 ? squares / (demands - 1) / (sizeMean * sizeMean) : 0;
  const sparse = adi >= ADI_CUTOFF;
  const variable = cv2 >= CV2_CUTOFF;
  const kind: DemandClass = sparse ? (variable ? "lumpy" : "intermittent") : variable ? "erratic" : "smooth";
  return { adi, cv2, class: kind, demands, zeroShare };
}
