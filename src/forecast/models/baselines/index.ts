export { ewma } from "./ewma.js";
export { longestSeason } from "./longest-season.js";
export { naive } from "./naive.js";
export { rollingMean } from "./rolling-mean.js";
export { seasonalNaive } from "./seasonal-naive.js";
export { seasonalWindowAverage } from "./seasonal-window-average.js";
export { seasonalWindowMedian } from "./seasonal-window-median.js";
export { windowAverage } from "./window-average.js";
