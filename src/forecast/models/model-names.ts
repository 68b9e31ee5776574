/**
 * The names `resolveModel` knows, "auto" first, written out so that the command line can list and check them
 * without loading the models (the registry checks, when it loads, that the two agree).
 */
export const MODEL_NAMES: readonly string[] = [
  "auto",
  "ets",
  "theta",
  "stm",
  "otm",
  "dotm",
  "mstl",
  "mstl_ets",
  "snaive",
  "naive",
  "window_average",
  "seasonal_window_average",
  "seasonal_window_median",
  "rolling_mean",
  "ewma",
  "croston",
  "croston_optimized",
  "sba",
  "tsb",
  "adida",
  "imapa",
  "ensemble",
  "arima",
];
