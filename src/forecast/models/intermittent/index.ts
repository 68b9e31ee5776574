export { adida } from "./adida.js";
export { classifyDemand, type DemandClass, type DemandClassification } from "./classify-demand.js";
export { croston } from "./croston.js";
export { crostonOptimized } from "./croston-optimized.js";
export { imapa } from "./imapa.js";
export { isIntermittent } from "./is-intermittent.js";
export { sba } from "./sba.js";
export { tsb } from "./tsb.js";
