// npm run bench:reconcile — reconciliation and sample paths at the size of issue 5: 100 geos × 7 devices
// (700 leaves, 808 series with the total, geo and device levels), 840 hourly steps (35 days), 500 paths.
// Synthetic data with a shared shock, a per-geo shock and per-leaf noise; each figure is CPU ms (user +
// system) of this process, medians of rounds that alternate avails and its peer on the same inputs:
//   - reconciliation: avails' constraint form (aggregates × aggregates Cholesky) against the textbook
//     G = (S'W^-1 S)^-1 S'W^-1 (series × series Cholesky of W, then leaves × leaves), with their largest gap;
//   - queries: pathQuantiles against writing out every leaf's path and summing (what the compact form avoids).

import { Random } from "../dist/forecast/random.js";
import { aggregateLeaves } from "../dist/forecast/reconcile/aggregate-leaves.js";
import { applyProjection } from "../dist/forecast/reconcile/apply-projection.js";
import { choleskyInPlace, choleskySolveInPlace } from "../dist/forecast/reconcile/cholesky.js";
import { coherenceError } from "../dist/forecast/reconcile/coherence-error.js";
import { buildHierarchy } from "../dist/forecast/reconcile/hierarchy.js";
import { mintProjection } from "../dist/forecast/reconcile/mint-projection.js";
import { pathQuantiles } from "../dist/forecast/reconcile/path-quantiles.js";
import { RECONCILE_METHODS, reconcile } from "../dist/forecast/reconcile/reconcile.js";
import { buildSamplePaths } from "../dist/forecast/reconcile/sample-paths.js";
import { shrinkCovariance } from "../dist/forecast/reconcile/shrink-covariance.js";

const GEOS = Number(process.env.BENCH_GEOS ?? 100);
const DEVICES = 7;
const H = 840;
const POOL = Number(process.env.BENCH_POOL ?? 24 * 7 * 12); // 12 weeks of hourly residuals
const PATHS = 500;
const LEVELS = [
  { name: "total", dimensions: [] },
  { name: "geo", dimensions: ["geo"] },
  { name: "device", dimensions: ["device"] },
  { name: "geo_device", dimensions: ["geo", "device"] },
];

function cpuMs(run) {
  const from = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(from);
  return { ms: (used.user + used.system) / 1000, value };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

// ─── data ─────────────────────────────────────────────────────────────────────────────────────────────────
const random = new Random(2026);
const geos = Array.from({ length: GEOS }, (_, g) => `G${String(g).padStart(3, "0")}`);
const devices = ["mobile", "desktop", "tablet", "ctv", "console", "speaker", "other"];
const shares = [0.45, 0.25, 0.12, 0.08, 0.05, 0.03, 0.02];
const geoScale = geos.map(() => Math.exp(1.2 * random.normal()));
const geoOffset = geos.map(() => Math.floor(random.next() * 19) - 8);
const leafKeys = geos.flatMap((g) => devices.map((d) => `geo=${g}|device=${d}`));
const h = buildHierarchy(leafKeys, LEVELS);
const n = h.keys.length;
const m = leafKeys.length;
const level = (l, t) => {
  const g = Math.floor(l / DEVICES);
  const d = l % DEVICES;
  return 200 * geoScale[g] * shares[d] * (1 + 0.7 * Math.sin((2 * Math.PI * (t + geoOffset[g])) / 24));
};
/** Series × length of a leaf quantity `f(l, t)` summed up the hierarchy. */
function summed(length, f) {
  const leaves = new Float64Array(m * length);
  for (let l = 0; l < m; l++) for (let t = 0; t < length; t++) leaves[l * length + t] = f(l, t);
  return aggregateLeaves(h, leaves, length);
}
// Errors: a shared shock and a per-geo shock (AR(1) in time), per-leaf noise, then each aggregate's own model
// error on top of the sum of its leaves' (aggregates are forecast by their own models).
const common = new Float64Array(POOL);
const geoShock = new Float64Array(GEOS * POOL);
for (let t = 0; t < POOL; t++) {
  common[t] = (t ? 0.8 * common[t - 1] : 0) + 0.6 * random.normal();
  for (let g = 0; g < GEOS; g++)
    geoShock[g * POOL + t] = (t ? 0.7 * geoShock[g * POOL + t - 1] : 0) + 0.7 * random.normal();
}
/** A leaf's error at hour t (of the level's clock) given the shared and geo shocks at that hour. */
const leafError = (l, t, shared, geo) => {
  const mu = level(l, t);
  return mu * (0.04 * shared + 0.05 * geo + 0.06 * random.normal()) + Math.sqrt(mu) * random.normal();
};
const leafPool = new Float64Array(m * POOL);
for (let l = 0; l < m; l++)
  for (let t = 0; t < POOL; t++)
    leafPool[l * POOL + t] = leafError(l, t - POOL, common[t], geoShock[Math.floor(l / DEVICES) * POOL + t]);
const residuals = aggregateLeaves(h, leafPool, POOL);
const truth = summed(H, level);
for (let i = 0; i < n; i++) {
  const size = truth[i * H];
  for (let t = 0; t < POOL; t++) residuals[i * POOL + t] += 0.03 * Math.abs(size) * random.normal();
}
const base = new Float64Array(n * H);
for (let i = 0; i < n; i++) {
  const bias = 0.05 * random.normal();
  for (let t = 0; t < H; t++) base[i * H + t] = truth[i * H + t] * (1 + bias + 0.03 * random.normal());
}
console.log(
  `hierarchy: ${GEOS} geos × ${DEVICES} devices = ${m} leaves, ${n} series; ${H} steps; residual pool ${POOL} hours`,
);

// ─── reconciliation ───────────────────────────────────────────────────────────────────────────────────────
/** The textbook MinT: G = (S'W^-1 S)^-1 S'W^-1 through a Cholesky of W, applied to every step. */
function textbookMint(w) {
  const l = Float64Array.from(w);
  choleskyInPlace(l, n, "W");
  // W^-1 S: solve W x = S[:, leaf] for every leaf; keep column-major (m × n).
  const winvS = new Float64Array(m * n);
  const col = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    col.fill(0);
    for (let k = 0; k < h.levels.length; k++) col[h.nodeOf[k * m + j]] = 1;
    choleskySolveInPlace(l, n, col);
    winvS.set(col, j * n);
  }
  // A = S'W^-1 S (m × m): entry (i, j) = Σ_{series r containing leaf i} (W^-1 S)[r, j].
  const a = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < h.levels.length; k++) s += winvS[j * n + h.nodeOf[k * m + i]];
      a[i * m + j] = s;
    }
  choleskyInPlace(a, m, "S'W^-1S");
  // G = A^-1 (W^-1 S)': column r of G solves A g = (W^-1 S)[r, :]'.
  const g = new Float64Array(m * n);
  const x = new Float64Array(m);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < m; j++) x[j] = winvS[j * n + r];
    choleskySolveInPlace(a, m, x);
    for (let j = 0; j < m; j++) g[j * n + r] = x[j];
  }
  const out = new Float64Array(m * H);
  for (let j = 0; j < m; j++)
    for (let r = 0; r < n; r++) {
      const k = g[j * n + r];
      for (let t = 0; t < H; t++) out[j * H + t] += k * base[r * H + t];
    }
  return out;
}

const shrink = cpuMs(() => shrinkCovariance(residuals, n, POOL));
const { covariance, lambda } = shrink.value;
const short = cpuMs(() =>
  shrinkCovariance(
    residuals.subarray(0, n * 672).map((_, i) => residuals[Math.floor(i / 672) * POOL + (i % 672)]),
    n,
    672,
  ),
);
console.log(
  `\nshrinkCovariance: ${shrink.ms.toFixed(0)} ms over ${POOL} hours (λ = ${lambda.toFixed(4)}), ${short.ms.toFixed(0)} ms over 672 hours`,
);

const oursMs = [];
const peerMs = [];
let gap = 0;
for (let round = 0; round < 4; round++) {
  const peer = cpuMs(() => textbookMint(covariance));
  const ours = cpuMs(() => applyProjection(h, mintProjection(h, covariance), base, H));
  if (round > 0) {
    peerMs.push(peer.ms);
    oursMs.push(ours.ms);
  }
  let scale = 0;
  for (let i = 0; i < ours.value.length; i++) {
    gap = Math.max(gap, Math.abs(ours.value[i] - peer.value[i]));
    scale = Math.max(scale, Math.abs(peer.value[i]));
  }
  gap /= scale;
}
console.log("\n| MinT projection + 840 steps (W given) | CPU ms | ratio |");
console.log("| --- | ---: | ---: |");
console.log(`| avails: U'WU form (${n - m} × ${n - m} Cholesky) | ${median(oursMs).toFixed(0)} | 1.00 |`);
console.log(
  `| textbook (S'W^-1S)^-1 S'W^-1 (${n} × ${n} and ${m} × ${m} Cholesky) | ${median(peerMs).toFixed(0)} | ${(median(peerMs) / median(oursMs)).toFixed(1)} |`,
);
console.log(`largest gap between the two, relative to the largest leaf forecast: ${gap.toExponential(1)}`);

console.log(
  "\n| method | CPU ms (whole reconcile, 840 steps) | coherence error | leaves clipped | mass clipped |",
);
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const method of RECONCILE_METHODS) {
  const run = cpuMs(() => reconcile(h, base, H, { method, residuals, residualLength: POOL }));
  const r = run.value;
  console.log(
    `| ${method} | ${run.ms.toFixed(0)} | ${coherenceError(h, r.series, H).toExponential(1)} | ${r.clipped} | ${r.clippedMass.toFixed(1)} |`,
  );
}

// ─── sample paths ─────────────────────────────────────────────────────────────────────────────────────────
const mint = reconcile(h, base, H, { residuals, residualLength: POOL });
const pool = cpuMs(() => applyProjection(h, mint.projection, residuals, POOL));
const pathOptions = {
  mean: mint.leaves,
  leafCount: m,
  horizon: H,
  errors: pool.value,
  poolLength: POOL,
  paths: PATHS,
};
const build = cpuMs(() => buildSamplePaths(pathOptions));
const buildGrouped = cpuMs(() => buildSamplePaths({ ...pathOptions, hierarchy: h }));
const paths = build.value;
const grouped = buildGrouped.value;
const dense = PATHS * H * m * 8;
console.log(
  `\nerror pool reconciled with the MinT projection: ${pool.ms.toFixed(0)} ms; paths built: ${build.ms.toFixed(0)} ms, with the aggregates' sums ${buildGrouped.ms.toFixed(0)} ms`,
);
const groupCount = grouped.groups.start.length - 1;
console.log("\n| sample paths | bytes |");
console.log("| --- | ---: |");
console.log(`| means, ${m} × ${H} Float64 | ${mb(paths.mean.byteLength)} |`);
console.log(`| error pool, ${m} × ${POOL} Float32 | ${mb(paths.errors.byteLength)} |`);
console.log(
  `| path indices, ${PATHS} × ${H} ${paths.index.constructor.name} | ${mb(paths.index.byteLength)} |`,
);
console.log(`| total (+ growth) | ${mb(paths.bytes)} |`);
console.log(`| + ${groupCount} aggregates' means and errors summed in advance | ${mb(grouped.bytes)} |`);
console.log(
  `| ${PATHS} paths × ${H} hours × ${m} leaves as Float64 | ${mb(dense)} (${(dense / grouped.bytes).toFixed(0)}×) |`,
);

/** Every leaf's path written out and summed per day (the peer of pathQuantiles' factorised sums). */
function writtenOut(leaves, start, end) {
  const days = Math.ceil((end - start) / 24);
  const sums = new Float64Array(PATHS * days);
  for (let p = 0; p < PATHS; p++)
    for (let t = start; t < end; t++) {
      const r = paths.index[t * PATHS + p];
      let v = 0;
      for (const l of leaves) v += paths.mean[l * H + t] + paths.growth[t] * paths.errors[l * POOL + r];
      sums[p * days + Math.floor((t - start) / 24)] += Math.max(0, v);
    }
  for (let d = 0; d < days; d++) {
    const day = Float64Array.from({ length: PATHS }, (_, p) => sums[p * days + d]);
    day.sort();
  }
  return sums;
}

const leavesOf = (key) => {
  const i = h.indexOf.get(key);
  return Array.from(h.leaves.subarray(h.rowStart[i], h.rowStart[i + 1]));
};
const targetings = [
  ["one geo×device", leavesOf(`geo=${geos[0]}|device=mobile`)],
  ["one geo (7 leaves)", leavesOf(`geo=${geos[0]}`)],
  ["10 geos (70 leaves)", geos.slice(0, 10).flatMap((g) => leavesOf(`geo=${g}`))],
  ["one device (100 leaves)", leavesOf("device=mobile")],
  ["50 geos × 3 devices (150 leaves)", geos.slice(0, 50).flatMap((g) => leavesOf(`geo=${g}`).slice(0, 3))],
  [`all ${m} leaves`, Array.from({ length: m }, (_, l) => l)],
];
const REPEAT = 20;
console.log(
  `\n| query, 35 days (${H} hours) | granularity | pathQuantiles CPU ms, aggregates summed in advance | the same, leaves only | every leaf's path written out | written out / summed in advance |`,
);
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
for (const [name, leaves] of targetings) {
  for (const granularity of ["day", "week", "hour"]) {
    const withGroups = [];
    const plain = [];
    const peer = [];
    for (let round = 0; round < 6; round++) {
      const a = cpuMs(() => {
        for (let k = 0; k < REPEAT; k++) pathQuantiles(grouped, leaves, 0, H, granularity);
      });
      const b = cpuMs(() => {
        for (let k = 0; k < REPEAT; k++) pathQuantiles(paths, leaves, 0, H, granularity);
      });
      if (round > 0) {
        withGroups.push(a.ms / REPEAT);
        plain.push(b.ms / REPEAT);
      }
      if (granularity === "day" && leaves.length <= 150 && round > 0 && round < 4)
        peer.push(cpuMs(() => writtenOut(leaves, 0, H)).ms);
    }
    const p = peer.length ? median(peer) : Number.NaN;
    const cells = Number.isNaN(p) ? "– | –" : `${p.toFixed(1)} | ${(p / median(withGroups)).toFixed(0)}`;
    console.log(
      `| ${name} | ${granularity} | ${median(withGroups).toFixed(2)} | ${median(plain).toFixed(2)} | ${cells} |`,
    );
  }
}
const q = pathQuantiles(grouped, leavesOf(`geo=${geos[0]}`), 0, H, "day");
console.log(
  `\nexample, ${geos[0]} day 1: mean ${q.intervals[0].mean.toFixed(0)}, p10/p50/p90 ${q.intervals[0].quantiles.map((v) => v.toFixed(0)).join(" / ")}`,
);

// ─── calibration of the paths ─────────────────────────────────────────────────────────────────────────────
// The path mechanism alone, on data whose error law is known: means = the true leaf levels, pool = the leaf
// errors above, futures = fresh runs of the same error process. 80% intervals of daily sums should cover
// about 80% of the futures' daily sums if the paths keep the cross-series and in-day correlation; adding the
// leaves' own quantiles instead gives the too-wide band shown last.
const FUTURES = Number(process.env.BENCH_FUTURES ?? 60);
const truthLeaves = new Float64Array(m * H);
for (let l = 0; l < m; l++) for (let t = 0; t < H; t++) truthLeaves[l * H + t] = level(l, t);
const oracle = buildSamplePaths({
  mean: truthLeaves,
  leafCount: m,
  horizon: H,
  errors: leafPool,
  poolLength: POOL,
  paths: PATHS,
  hierarchy: h,
});
const checks = [
  ["one geo×device", leavesOf(`geo=${geos[0]}|device=mobile`)],
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((g) => [`one geo: ${geos[g]}`, leavesOf(`geo=${geos[g]}`)]),
  ["10 geos", geos.slice(10, 20).flatMap((g) => leavesOf(`geo=${g}`))],
  ["50 geos × 3 devices", geos.slice(0, 50).flatMap((g) => leavesOf(`geo=${g}`).slice(0, 3))],
  ["all leaves", Array.from({ length: m }, (_, l) => l)],
];
const bands = checks.map(([, leaves]) => pathQuantiles(oracle, leaves, 0, H, "day", [0.1, 0.9]).intervals);
// The band from adding each leaf's own daily p10 and p90 (what coherent paths replace).
const addedBands = checks.map(([, leaves]) => {
  const lo = new Float64Array(H / 24);
  const hi = new Float64Array(H / 24);
  for (const l of leaves) {
    pathQuantiles(oracle, [l], 0, H, "day", [0.1, 0.9]).intervals.forEach((interval, d) => {
      lo[d] += interval.quantiles[0];
      hi[d] += interval.quantiles[1];
    });
  }
  return { lo, hi };
});
const hits = checks.map(() => 0);
const addedHits = checks.map(() => 0);
const sharedNow = new Float64Array(H);
const geoNow = new Float64Array(GEOS * H);
const futureLeaves = new Float64Array(m * H);
for (let f = 0; f < FUTURES; f++) {
  // Stationary starts, then the same AR(1) recursions as the history.
  for (let t = 0; t < H; t++) {
    sharedNow[t] = t ? 0.8 * sharedNow[t - 1] + 0.6 * random.normal() : random.normal();
    for (let g = 0; g < GEOS; g++)
      geoNow[g * H + t] = t ? 0.7 * geoNow[g * H + t - 1] + 0.7 * random.normal() : random.normal();
  }
  for (let l = 0; l < m; l++)
    for (let t = 0; t < H; t++)
      futureLeaves[l * H + t] = Math.max(
        0,
        level(l, t) + leafError(l, t, sharedNow[t], geoNow[Math.floor(l / DEVICES) * H + t]),
      );
  checks.forEach(([, leaves], c) => {
    for (let d = 0; d < H / 24; d++) {
      let actual = 0;
      for (const l of leaves) for (let t = d * 24; t < d * 24 + 24; t++) actual += futureLeaves[l * H + t];
      const [p10, p90] = bands[c][d].quantiles;
      if (actual >= p10 && actual <= p90) hits[c]++;
      if (actual >= addedBands[c].lo[d] && actual <= addedBands[c].hi[d]) addedHits[c]++;
    }
  });
}
const trials = FUTURES * (H / 24);
console.log(
  `\n| coverage of daily 80% bands, ${FUTURES} simulated futures × 35 days | summed paths | leaves' quantiles added |`,
);
console.log("| --- | ---: | ---: |");
checks.forEach(([name], c) => {
  console.log(`| ${name} | ${(hits[c] / trials).toFixed(3)} | ${(addedHits[c] / trials).toFixed(3)} |`);
});
const single = checks.map(([name], c) => (name.startsWith("one geo:") ? c : -1)).filter((c) => c >= 0);
const meanOf = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `| the ${single.length} single geos, mean | ${meanOf(single.map((c) => hits[c] / trials)).toFixed(3)} | ${meanOf(single.map((c) => addedHits[c] / trials)).toFixed(3)} |`,
);
