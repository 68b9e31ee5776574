// npm run bench:runs — the cost of versioned, gated forecast runs over plain durable files. For two payloads
// (the compact form: 700 leaves × 840 hours of means, a 2,016-row error pool and 500 paths of indexes; and dense
// Float32 paths of 100 leaves × 500 paths × 840 hours), it times in the same process, interleaved, round by
// round: store.runs.create (check every value, write and fsync the files, rename, commit the row), publish
// (gates, verify the files, flip the pointer) and readPublished (read every array), against the floor any
// durable store pays: the same arrays written with writeFile + fsync + rename, and read back with readFile.
// Retention is set high so that no run is pruned inside a timing. Prints medians and ratios.
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfig } from "../dist/config/load-config.js";
import { openStore } from "../dist/store/duckdb-store.js";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "out", "runs");
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

function compact() {
  const leaves = 700;
  const hours = 840;
  const means = new Float64Array(leaves * hours);
  for (let i = 0; i < means.length; i++) means[i] = 100 + (i % 24);
  const errors = new Float32Array(leaves * 2016);
  for (let i = 0; i < errors.length; i++) errors[i] = ((i * 7919) % 101) - 50;
  const index = new Uint16Array(hours * 500);
  for (let i = 0; i < index.length; i++) index[i] = (i * 31) % 2016;
  return {
    means: { data: means, rows: Array.from({ length: leaves }, (_, l) => `leaf${l}`) },
    errors: { data: errors, signed: true },
    index: { data: index },
  };
}

function dense() {
  const paths = new Float32Array(100 * 500 * 840);
  for (let i = 0; i < paths.length; i++) paths[i] = 50 + (i % 97);
  return { paths: { data: paths } };
}

function payload(arrays) {
  return {
    configHash: "bench",
    seed: 1,
    watermark: null,
    summary: { levels: { total: { total: 1, series: 1 } }, coherence: { total: { maxRelativeError: 0 } } },
    manifest: { bench: true },
    arrays,
  };
}

async function plainWrite(dir, arrays) {
  const tmp = `${dir}.tmp`;
  await mkdir(tmp, { recursive: true });
  for (const [name, { data }] of Object.entries(arrays)) {
    const handle = await open(join(tmp, `${name}.bin`), "w");
    await handle.writeFile(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    await handle.sync();
    await handle.close();
  }
  await rename(tmp, dir);
}

async function plainRead(dir, arrays) {
  let bytes = 0;
  for (const name of Object.keys(arrays)) bytes += (await readFile(join(dir, `${name}.bin`))).length;
  return bytes;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (f) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

await rm(out, { recursive: true, force: true });
const config = parseConfig({ runs: { keep: 100, maxLevelShift: 10 } }, "bench");
const store = await openStore(join(out, "store"), config);
const rows = [];
for (const [label, make] of [
  ["compact paths, 700 leaves", compact],
  ["dense Float32 paths, 100 leaves", dense],
]) {
  const arrays = make();
  const mb = Object.values(arrays).reduce((s, a) => s + a.data.byteLength, 0) / 2 ** 20;
  const t = { create: [], publish: [], read: [], write: [], readPlain: [] };
  for (let r = 0; r < rounds; r++) {
    // Interleaved: avails, then the floor, on the same arrays, each round.
    let id;
    t.create.push(await time(async () => (id = await store.runs.create(payload(arrays)))));
    t.write.push(await time(() => plainWrite(join(out, `plain-${label.length}-${r}`), arrays)));
    t.publish.push(await time(() => store.runs.publish(id)));
    t.read.push(await time(() => store.runs.readPublished()));
    t.readPlain.push(await time(() => plainRead(join(out, `plain-${label.length}-${r}`), arrays)));
    await rm(join(out, `plain-${label.length}-${r}`), { recursive: true, force: true });
  }
  rows.push({ label, mb, ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) });
}
await store.close();
await rm(out, { recursive: true, force: true });

console.log(`\nForecast runs: median of ${rounds} interleaved rounds, wall ms\n`);
console.log(
  "| payload | MiB | create | plain write + fsync + rename | ratio | publish | readPublished | plain readFile | ratio |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.mb.toFixed(1)} | ${r.create.toFixed(0)} | ${r.write.toFixed(0)} | ${(r.create / r.write).toFixed(2)} | ` +
      `${r.publish.toFixed(0)} | ${r.read.toFixed(0)} | ${r.readPlain.toFixed(0)} | ${(r.read / r.readPlain).toFixed(2)} |`,
  );
}
