// Speed of an avails model against a peer, series by series and interleaved: each round times the peer and then
// ours on the same series, so that the load of a shared machine falls on both alike (timings taken minutes apart
// on a 2-core machine that is also doing other work differ by more than the ratios being measured).
import { median } from "./metrics.js";

/** CPU milliseconds of this process (user + system) spent by `run()`: what the fit costs, not what it waited. */
function cpuMs(run) {
  const from = process.cpuUsage();
  run();
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/**
 * Median over series of the median over rounds, in CPU ms, of `ours(train)` and `peer(train)` on the training part
 * of every series (all but the last `horizon` points). Round 0 warms the JIT and is not counted.
 *
 * @example
 * const { ours, peer } = interleavedMs(set.series, 14, (y) => ets.forecast(y, request), (y) => augurs(y), 3);
 */
export function interleavedMs(series, horizon, ours, peer, rounds = 3) {
  const trains = series.map((s) => s.values.subarray(0, s.values.length - horizon));
  const oursMs = trains.map(() => []);
  const peerMs = trains.map(() => []);
  for (let round = 0; round <= rounds; round++) {
    trains.forEach((y, i) => {
      const p = cpuMs(() => peer(y));
      const o = cpuMs(() => ours(y));
      if (round > 0) {
        peerMs[i].push(p);
        oursMs[i].push(o);
      }
    });
  }
  return { ours: median(oursMs.map(median)), peer: median(peerMs.map(median)) };
}
