// Child process of run-crash.test.ts: creates one forecast run in a store with the built modules and kills
// itself with SIGKILL (no cleanup, like a power cut) at the named step of create.
// Usage: node create-run-child.js STORE STEP LEVEL LEAVES
import { parseConfig } from "../dist/config/load-config.js";
import { openStore } from "../dist/store/duckdb-store.js";

const [storeDir, step, level, leaves] = process.argv.slice(2);
const hours = 840;
const means = new Float64Array(Number(leaves) * hours).fill(Number(level));
const store = await openStore(storeDir, parseConfig({}, "child"));
const id = await store.runs.create(
  {
    configHash: "child",
    seed: 1,
    watermark: null,
    summary: {
      levels: { total: { total: means.length * Number(level), series: 1 } },
      coherence: {},
    },
    manifest: { level: Number(level) },
    arrays: { means: { data: means }, paths: { data: new Float32Array(means.length * 20).fill(1) } },
  },
  {
    onStep: (s) => {
      if (s === step) process.kill(process.pid, "SIGKILL");
    },
  },
);
await store.close();
console.log(id);
