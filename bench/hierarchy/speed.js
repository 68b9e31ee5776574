// The speed target of bench:hierarchy on the synthetic 500-leaf store: the whole `avails forecast` CLI (wall
// clock, CPU, peak RSS from /usr/bin/time -v), the run's payload bytes, and the avails query in-process
// (answerAvails on a context built once) against the targeting's paths written out leaf by leaf and summed.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../dist/config/load-config.js";
import { answerAvails, availsContext } from "../../dist/pacing/avails.js";
import { targetedLeaves } from "../../dist/pacing/leaf-set.js";
import { readPublishedForecast } from "../../dist/run/published-forecast.js";
import { openStore } from "../../dist/store/duckdb-store.js";
import { DEVICES, GEOS } from "./synthetic-events.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** One `avails forecast` of the store under /usr/bin/time -v: seconds, CPU seconds, peak RSS and the run id. */
function timedForecast(store, config, seed) {
  const args = [join(repo, "dist/cli/main.js"), "--store", store, "--config", config, "forecast"];
  const result = spawnSync(
    "/usr/bin/time",
    ["-v", process.execPath, ...args, "--seed", `${seed}`, "--json"],
    {
      env: { ...process.env, TZ: "UTC" },
      encoding: "utf8",
      maxBuffer: 1 << 26,
    },
  );
  if (result.status !== 0) throw new Error(`avails forecast failed:\n${result.stderr.slice(-2000)}`);
  const field = (name) => {
    const line = result.stderr.split("\n").find((l) => l.trim().startsWith(name));
    if (line === undefined) throw new Error(`/usr/bin/time printed no "${name}"`);
    return line.slice(line.lastIndexOf(": ") + 2).trim();
  };
  const wall = field("Elapsed (wall clock) time")
    .split(":")
    .reduce((s, part) => s * 60 + Number(part), 0);
  const json = JSON.parse(result.stdout.trim().split("\n").at(-1));
  return {
    wall,
    cpu: Number(field("User time (seconds)")) + Number(field("System time (seconds)")),
    rssMb: Number(field("Maximum resident set size (kbytes)")) / 1024,
    runId: json.run_id,
    published: json.published,
    series: json.series,
    leaves: json.leaves,
  };
}

function dirBytes(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir)) bytes += statSync(join(dir, name)).size;
  return bytes;
}

const cpuMs = (f) => {
  const from = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(from);
  return { ms: (used.user + used.system) / 1000, value };
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The peer of a matched query: every path of every targeted leaf written out hour by hour, summed over the
 * leaves, clipped at zero per hour (as pathQuantiles does), summed per day, and each day's sums sorted for
 * P10 / P50 / P90.
 */
function writtenOut(paths, leaves, start, end) {
  const { paths: P, horizon: H, poolLength: R, mean, errors, index, growth } = paths;
  const days = Math.ceil((end - start) / 24);
  const sums = new Float64Array(P * days);
  for (let p = 0; p < P; p++) {
    for (let t = start; t < end; t++) {
      const r = index[t * P + p];
      let v = 0;
      for (const l of leaves) v += mean[l * H + t] + growth[t] * errors[l * R + r];
      sums[p * days + Math.floor((t - start) / 24)] += Math.max(0, v);
    }
  }
  const q = [];
  for (let d = 0; d < days; d++) {
    const day = Float64Array.from({ length: P }, (_, p) => sums[p * days + d]).sort();
    q.push([0.1, 0.5, 0.9].map((prob) => type7(day, prob)));
  }
  return q;
}

/** The p-quantile of ascending values, interpolated between order statistics (Hyndman & Fan type 7). */
function type7(sorted, p) {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/**
 * Runs the speed part and returns markdown lines.
 *
 * @example const lines = await speedBench({ store, config }, { runs: 2, calls: 200 });
 */
export async function speedBench({ store, config }, { runs, calls }) {
  const lines = [];
  const forecasts = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`speed: avails forecast, run ${run + 1} of ${runs}\n`);
    const f = timedForecast(store, config, 1);
    f.bytes = dirBytes(join(store, "runs", f.runId));
    forecasts.push(f);
  }
  const first = forecasts[0];
  lines.push(
    `\n#### \`avails forecast\` on the synthetic store (${first.leaves} leaves, ${first.series} series, 120 days hourly, 840-hour horizon, 500 paths)\n`,
    "| run | wall s | CPU s (user + sys) | peak RSS MB | published | run payload MB |",
    "| --- | ---: | ---: | ---: | --- | ---: |",
    ...forecasts.map(
      (f, i) =>
        `| ${i + 1} (${f.runId}) | ${f.wall.toFixed(1)} | ${f.cpu.toFixed(1)} | ${f.rssMb.toFixed(0)} | ${f.published ? "yes" : "no"} | ${(f.bytes / 1e6).toFixed(1)} |`,
    ),
  );

  const cfg = loadConfig(config);
  const db = await openStore(store, cfg, { readOnly: true });
  let forecast;
  let context;
  const setup = cpuMs(() => undefined);
  try {
    const readMs = performance.now();
    forecast = await readPublishedForecast(db);
    const readElapsed = performance.now() - readMs;
    const campaigns = await db.listCampaigns();
    const built = cpuMs(() =>
      availsContext(
        forecast.runId,
        forecast.paths,
        forecast.manifest.leafKeys,
        forecast.manifest.start,
        campaigns,
        cfg,
      ),
    );
    context = built.value;
    setup.read = readElapsed;
    setup.context = built.ms;
  } finally {
    await db.close();
  }
  const startDay = new Date(forecast.manifest.start).toISOString().slice(0, 10);
  const endDay = new Date(forecast.manifest.start + (35 * 24 - 1) * 3_600_000).toISOString().slice(0, 10);
  const targetings = [
    ["total (500 leaves)", {}],
    ["one geo (20 leaves)", { geo: [GEOS[0]] }],
    [
      "3 geos × 2 devices (24 leaves)",
      { geo: [GEOS[2], GEOS[9], GEOS[17]], device: [DEVICES[0], DEVICES[3]] },
    ],
    [
      "5 geos × 2 devices × 2 contents (20 scattered leaves)",
      {
        geo: [GEOS[1], GEOS[6], GEOS[12], GEOS[19], GEOS[24]],
        device: [DEVICES[1], DEVICES[4]],
        content: ["news", "music"],
      },
    ],
  ];
  lines.push(
    `\n#### \`avails query\` in-process, ${startDay} to ${endDay} daily (35 days), run ${forecast.runId}\n`,
    `readPublishedForecast: ${setup.read.toFixed(0)} ms wall; availsContext: ${setup.context.toFixed(0)} ms CPU (once per run).\n`,
    "| targeting | answerAvails CPU ms (median) | written-out peer CPU ms (median) | peer / answerAvails | max P50 gap, share of P50 |",
    "| --- | ---: | ---: | ---: | ---: |",
  );
  const request = (targeting) => ({ start: startDay, end: endDay, granularity: "day", targeting });
  for (const [name, targeting] of targetings) {
    const leaves = targetedLeaves(context.leafSet, targeting);
    for (let w = 0; w < 5; w++) answerAvails(context, request(targeting));
    const ours = [];
    const peer = [];
    const peerRounds = Math.min(5, calls);
    const batch = Math.max(1, Math.floor(calls / peerRounds));
    let gap = 0;
    // Interleaved: a batch of queries, then one written-out peer, round by round.
    for (let round = 0; round < peerRounds; round++) {
      for (let c = 0; c < batch; c++) ours.push(cpuMs(() => answerAvails(context, request(targeting))).ms);
      const p = cpuMs(() => writtenOut(context.paths, leaves, 0, 35 * 24));
      peer.push(p.ms);
      if (round === 0) {
        const answer = answerAvails(context, request(targeting));
        answer.intervals.forEach((interval, d) => {
          const p50 = interval.matched.p50;
          gap = Math.max(gap, Math.abs(p50 - p.value[d][1]) / p50);
        });
      }
    }
    const a = median(ours);
    const b = median(peer);
    lines.push(
      `| ${name} | ${a.toFixed(2)} | ${b.toFixed(0)} | ${(b / a).toFixed(0)} | ${gap.toExponential(1)} |`,
    );
  }
  return lines;
}
