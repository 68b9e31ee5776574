// Times the whole `avails forecast` CLI (start-up, reading, workers, writing) on the first N series of a
// long-format file: the end-to-end speed target.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Writes the first `count` series of `csv` to a file and times `avails forecast --model auto --horizon 168` on
 * it, best of three runs (wall clock).
 *
 * @example const { seconds } = await timeCli("bench/out/forecast/demo/geo-device-hourly.csv", 30, "bench/out/forecast");
 */
export async function timeCli(csv, count, outDir) {
  const lines = readFileSync(csv, "utf8").trim().split("\n");
  const ids = [];
  const kept = [lines[0]];
  for (const line of lines.slice(1)) {
    const id = line.slice(0, line.indexOf(","));
    if (!ids.includes(id)) {
      if (ids.length === count) continue;
      ids.push(id);
    }
    kept.push(line);
  }
  const input = join(outDir, `cli-${count}-series.csv`);
  writeFileSync(input, `${kept.join("\n")}\n`);
  const output = join(outDir, `cli-${count}-forecast.csv`);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) best = Math.min(best, forecastWallSeconds(input, output));
  return { series: ids.length, points: (kept.length - 1) / ids.length, seconds: best };
}

/**
 * Wall seconds of one `avails forecast --freq hourly --horizon 168 --model auto` run of the built CLI (TZ=UTC),
 * with `env` as its environment; throws when it fails.
 *
 * @example forecastWallSeconds("in.csv", "out.csv", { ...process.env, AVAILS_WORKERS: "0" });
 */
export function forecastWallSeconds(input, output, env = process.env) {
  const args = ["forecast", "--input", input, "--freq", "hourly", "--horizon", "168", "--model", "auto"];
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(repo, "dist/cli/main.js"), ...args, "--output", output], {
    env: { ...env, TZ: "UTC" },
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`avails forecast failed: ${result.stderr}`);
  return seconds;
}
