// How `auto` compares with the best named peer of a data set, case by case: whether a gap in mean MASE is more
// than the spread of the cases would give by chance, and how far the coverage could be off its level by chance.
import { pairedDifference } from "../../dist/metrics/index.js";
import { NAMED_PEERS } from "./named-peers.js";

/**
 * Compares the row of `model` with the best named peer's (lowest mean MASE) over the cases both forecast:
 * the mean MASE difference per case (model minus peer), its t statistic (`pairedDifference`: the cases' test
 * windows do not overlap; |t| < 1.96 is within chance at 5%, though windows of one series share its regime, so
 * the spread is if anything understated), the cases where the model was better, and two standard errors of a
 * pooled coverage at the 80% and 95% levels, how far a well-calibrated interval's coverage strays by chance: the
 * binomial one over the model's test points (a lower bound, since the errors of one window are correlated) and
 * the model's own with its test windows as clusters (`coverageSE80`, `coverageSE95` of its row; NaN where the
 * row has none), and with the windows of every series that forecast the same dates as one cluster
 * (`coverageDatesSE80`, `coverageDatesSE95`). Null when either row is missing.
 *
 * @example
 * const c = againstBestPeer(rows, "avails auto", 14);
 * c && console.log(c.peer, c.difference, c.t);
 */
export function againstBestPeer(rows, model, horizon) {
  const ours = rows.find((r) => r.model === model);
  const peers = rows.filter((r) => NAMED_PEERS.includes(r.model) && Number.isFinite(r.mase));
  if (ours === undefined || peers.length === 0) return null;
  const peer = peers.reduce((a, b) => (b.mase < a.mase ? b : a));
  const keys = Object.keys(ours.caseMase).filter((key) => key in peer.caseMase);
  const paired = pairedDifference(
    keys.map((key) => ours.caseMase[key]),
    keys.map((key) => peer.caseMase[key]),
  );
  if (paired.count === 0) return null;
  const points = Object.keys(ours.caseMase).length * horizon;
  const standardError = (level) => 100 * Math.sqrt((level * (1 - level)) / points);
  return {
    peer: peer.model,
    cases: paired.count,
    difference: paired.meanDifference,
    t: paired.t,
    better: paired.aBetter,
    points,
    coverageStandardErrors: [standardError(0.8), standardError(0.95)],
    clusteredStandardErrors: [
      100 * (ours.coverageSE80 ?? Number.NaN),
      100 * (ours.coverageSE95 ?? Number.NaN),
    ],
    datesClusteredStandardErrors: [
      100 * (ours.coverageDatesSE80 ?? Number.NaN),
      100 * (ours.coverageDatesSE95 ?? Number.NaN),
    ],
  };
}

/**
 * The line `bench:forecast` prints under a set's table for `againstBestPeer`'s comparison.
 *
 * @example
 * console.log(formatComparison(againstBestPeer(rows, "avails auto", 14)));
 */
export function formatComparison(c) {
  const [se80, se95] = c.coverageStandardErrors;
  const [cluster80, cluster95] = c.clusteredStandardErrors ?? [Number.NaN, Number.NaN];
  const [dates80, dates95] = c.datesClusteredStandardErrors ?? [Number.NaN, Number.NaN];
  const t = Number.isFinite(c.t) ? c.t.toFixed(2) : String(c.t);
  return (
    `auto against the best named peer (${c.peer}), case by case: MASE ${signed(c.difference)} per case ` +
    `(t = ${t} over ${c.cases} cases; |t| < 1.96 is within chance), auto better on ${c.better} of ${c.cases}; ` +
    `a calibrated coverage over ${c.points} points strays by chance with a standard error of ` +
    `${se80.toFixed(1)} / ${se95.toFixed(1)} points at 80 / 95 counting each point alone, ` +
    `${cluster80.toFixed(1)} / ${cluster95.toFixed(1)} with the test windows as clusters, ` +
    `${dates80.toFixed(1)} / ${dates95.toFixed(1)} with the windows of the same dates as one`
  );
}

/** A difference with its sign, to 4 decimals, or in exponent form where that would round it to 0. */
function signed(x) {
  const text = Math.abs(x) >= 1e-4 || x === 0 ? x.toFixed(4) : x.toExponential(1);
  return x > 0 ? `+${text}` : text;
}
