export { type MstlForecasterOptions, mstl } from "./mstl.js";
export {
  type MstlDecomposition,
  type MstlOptions,
  mstlDecompose,
  supportedPeriods,
} from "./mstl-decompose.js";
export { type StlDecomposition, stl } from "./stl.js";
export { type StlOptions, type StlParameters, stlParameters } from "./stl-options.js";
