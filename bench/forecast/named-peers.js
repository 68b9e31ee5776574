// The peers the issue names for the accuracy target: augurs' two models and R's ets, thetaf and stlf.
// (R's snaive, auto.arima and Prophet run too, as references, but the target is not set against them.)

/** The named peers' row labels in bench:forecast's tables. */
export const NAMED_PEERS = [
  "augurs MSTL+AutoETS",
  "augurs AutoETS (non-seasonal)",
  "R ets",
  "R theta",
  "R stlf",
];
