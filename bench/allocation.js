// npm run bench:allocation — the avails query over a precomputed allocation: a 700-leaf hierarchy (35 geos x 20
// devices), 42 days of hourly supply (the 35-day query range and the flights beyond it), 60 booked campaigns.
// Times allocate() and indexAvails() once, then queries interleaved with a naive peer on the same inputs: the
// same answer summed hour by hour from the per-leaf, per-hour allocation (no running sums). CPU milliseconds.
import { allocate } from "../dist/pacing/allocate.js";
import { indexAvails } from "../dist/pacing/avails-index.js";
import { breakdownLeaves, parseLeafSet, targetedLeaves } from "../dist/pacing/leaf-set.js";
import { pathAvails } from "../dist/pacing/path-avails.js";
import { periodBounds } from "../dist/pacing/period-bounds.js";
import { queryAvails } from "../dist/pacing/query-avails.js";

const GEOS = 35;
const DEVICES = 20;
const DAYS = 42;
const hours = DAYS * 24;
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const repeats = Number(process.env.BENCH_REPEATS ?? 200);

// Deterministic pseudo-random numbers (mulberry32): the same hierarchy and campaigns every run.
let state = 12345;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const geos = Array.from({ length: GEOS }, (_, i) => `G${String(i).padStart(2, "0")}`);
const devices = Array.from({ length: DEVICES }, (_, i) => `d${String(i).padStart(2, "0")}`);
const keys = geos.flatMap((g) => devices.map((d) => `geo=${g}|device=${d}`));
const leafSet = parseLeafSet(keys);
const leafCount = keys.length;
const supply = new Float64Array(leafCount * hours);
for (let leaf = 0; leaf < leafCount; leaf++) {
  const level = 50 + 400 * random();
  for (let h = 0; h < hours; h++) {
    const daily = 1 + 0.6 * Math.sin((2 * Math.PI * (h % 24)) / 24 - 2);
    const weekly = (h / 24) % 7 >= 5 ? 1.2 : 1;
    supply[leaf * hours + h] = level * daily * weekly * (0.9 + 0.2 * random());
  }
}
const pick = (list, max) => list.filter(() => random() < max / list.length).slice(0, max);
const campaigns = Array.from({ length: 60 }, (_, i) => {
  const targeting = {};
  if (random() < 0.6) targeting.geo = pick(geos, 4).length ? pick(geos, 4) : [geos[i % GEOS]];
  if (random() < 0.4) targeting.device = pick(devices, 5).length ? pick(devices, 5) : [devices[i % DEVICES]];
  const leaves = targetedLeaves(leafSet, targeting);
  const start = Math.floor(random() * 30) * 24 - 120;
  const end = start + (7 + Math.floor(random() * 40)) * 24;
  let eligible = 0;
  for (const leaf of leaves)
    for (let h = Math.max(0, start); h < Math.min(end, hours); h++) eligible += supply[leaf * hours + h];
  return {
    id: `c${String(i + 1).padStart(2, "0")}`,
    leaves,
    start,
    end: Math.max(end, 1),
    goal: eligible * (0.03 + 0.12 * random()),
    priority: i % 3,
    pacing: random() < 0.7 ? "even" : "asap",
  };
});

function cpuMs(body) {
  const before = process.cpuUsage();
  const value = body();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, value };
}

const built = cpuMs(() => allocate({ supply, leafCount, hours, campaigns }));
const allocation = built.value;
const indexed = cpuMs(() => indexAvails(supply, allocation));
const index = indexed.value;

/** The peer: the same figures summed hour by hour from the per-class allocation, contention per campaign scan. */
function naiveQuery(leaves, bounds, priority) {
  const k = bounds.length - 1;
  const size = leafCount * hours;
  const matched = new Float64Array(k);
  const booked = new Float64Array(k);
  const higher = new Float64Array(k);
  for (const leaf of leaves) {
    for (let b = 0; b < k; b++) {
      for (let h = bounds[b]; h < bounds[b + 1]; h++) {
        const i = leaf * hours + h;
        matched[b] += supply[i];
        for (let c = 0; c < allocation.classCount; c++) {
          booked[b] += allocation.allocated[c * size + i];
          if (c < priority) higher[b] += allocation.allocated[c * size + i];
        }
      }
    }
  }
  const inQuery = new Uint8Array(leafCount);
  for (const leaf of leaves) inQuery[leaf] = 1;
  const bucketCount = allocation.buckets.length - 1;
  const first = allocation.buckets.indexOf(bounds[0]);
  const last = allocation.buckets.indexOf(bounds[k]);
  const contending = [];
  for (const c of allocation.campaigns) {
    let sum = 0;
    c.leaves.forEach((leaf, p) => {
      if (inQuery[leaf] === 1) for (let b = first; b < last; b++) sum += c.byBucket[p * bucketCount + b];
    });
    if (sum > 1e-6) contending.push({ id: c.id, impressions: sum });
  }
  return { matched, booked, higher, contending };
}

const grid = { start: Date.UTC(2026, 11, 1), hours };
const daily = periodBounds(grid, "2026-12-01", "2027-01-04", "day", "UTC");
const hourly = periodBounds(grid, "2026-12-01", "2027-01-04", "hour", "UTC");
const cases = [
  { name: "all 700 leaves, daily", targeting: {}, bounds: daily },
  { name: "3 geos (60 leaves), daily", targeting: { geo: ["G01", "G02", "G03"] }, bounds: daily },
  {
    name: "3 geos x 2 devices, daily",
    targeting: { geo: ["G01", "G02", "G03"], device: ["d00", "d01"] },
    bounds: daily,
  },
  { name: "all 700 leaves, hourly", targeting: {}, bounds: hourly },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows = [];
for (const c of cases) {
  const leaves = targetedLeaves(leafSet, c.targeting);
  const breakdown = breakdownLeaves(leafSet, c.targeting);
  // Same answer from both: checked once before timing.
  const ours = queryAvails(index, { leaves, bounds: c.bounds, priority: 1, breakdown });
  const peer = naiveQuery(leaves, c.bounds, 1);
  const drift =
    Math.abs(ours.total.booked - peer.booked.reduce((a, b) => a + b, 0)) / Math.max(1, ours.total.booked);
  if (drift > 1e-9 || ours.contending.length !== peer.contending.length)
    throw new Error(`${c.name}: answers differ`);
  const a = [];
  const b = [];
  for (let round = 0; round < rounds; round++) {
    a.push(
      cpuMs(() => {
        for (let r = 0; r < repeats; r++)
          queryAvails(index, { leaves, bounds: c.bounds, priority: 1, breakdown });
      }).ms / repeats,
    );
    b.push(
      cpuMs(() => {
        for (let r = 0; r < Math.max(1, repeats / 20); r++) naiveQuery(leaves, c.bounds, 1);
      }).ms / Math.max(1, repeats / 20),
    );
  }
  rows.push({
    name: c.name,
    leaves: leaves.length,
    intervals: c.bounds.length - 1,
    ours: median(a),
    peer: median(b),
  });
}

// Sample paths: 500 paths of one interval's matched total through pathAvails, 35 intervals.
const paths = new Float64Array(500).map(() => 1e5 * (0.8 + 0.4 * random()));
const out = {
  booked: new Float64Array(500),
  available: new Float64Array(500),
  possible: new Float64Array(500),
};
const pathMs = median(
  Array.from(
    { length: rounds },
    () =>
      cpuMs(() => {
        for (let r = 0; r < repeats; r++) for (let k = 0; k < 35; k++) pathAvails(paths, 9e4, 3e4, out);
      }).ms / repeats,
  ),
);

const shortfalls = allocation.campaigns.filter((c) => c.shortfall > 0).length;
console.log(
  `avails allocation bench: ${leafCount} leaves x ${hours} hours, ${campaigns.length} campaigns (${shortfalls} short of supply)`,
);
console.log(`  allocate()     ${built.ms.toFixed(0)} ms CPU (once per run)`);
console.log(`  indexAvails()  ${indexed.ms.toFixed(0)} ms CPU (once per run)\n`);
console.log(
  "| query (35 days, priority standard, with breakdown) | leaves | intervals | queryAvails ms | naive sum ms | naive / ours |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.leaves} | ${r.intervals} | ${r.ours.toFixed(3)} | ${r.peer.toFixed(3)} | ${(r.peer / r.ours).toFixed(1)}x |`,
  );
}
console.log(`\npathAvails: 500 paths x 35 intervals in ${pathMs.toFixed(3)} ms CPU`);
console.log(`CPU ms, median of ${rounds} interleaved rounds (${repeats} queries a round for queryAvails).`);
