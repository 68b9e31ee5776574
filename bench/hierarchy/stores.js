// The two stores of bench:hierarchy, made with the CLI once and cached under bench/out/hierarchy: the synthetic
// 500-leaf hierarchy (speed) and demo logs (accuracy). A manifest of the inputs decides whether a cache is stale.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG, writeSyntheticEvents } from "./synthetic-events.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const out = join(repo, "bench/out/hierarchy");

/**
 * Runs the built CLI (TZ=UTC) and returns its stdout; throws with its stderr when it fails.
 *
 * @example cli(["--store", "bench/out/hierarchy/synthetic/store", "status"]);
 */
export function cli(args, options = {}) {
  const result = spawnSync(process.execPath, [join(repo, "dist/cli/main.js"), ...args], {
    env: { ...process.env, TZ: "UTC" },
    encoding: "utf8",
    maxBuffer: 1 << 28,
    ...options,
  });
  if (result.status !== 0) throw new Error(`avails ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

function cached(dir, inputs, make) {
  const manifest = join(dir, "inputs.json");
  if (existsSync(manifest) && readFileSync(manifest, "utf8") === JSON.stringify(inputs)) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return make().then(() => writeFileSync(manifest, JSON.stringify(inputs)));
}

/**
 * The synthetic store (25 geos × 5 devices × 4 contents, hourly): `{ store, config }` paths for `--store` and
 * `--config`.
 *
 * @example const { store, config } = await syntheticStore({ days: 120, seed: 7 });
 */
export async function syntheticStore({ days, seed }) {
  const dir = join(out, "synthetic");
  const store = join(dir, "store");
  const config = join(dir, "avails.config.json");
  const inputs = { days, seed, end: "2026-11-01", config: CONFIG, v: 1 };
  await cached(dir, inputs, async () => {
    writeFileSync(config, JSON.stringify(CONFIG, null, 2));
    const events = join(dir, "events.ndjson");
    const written = await writeSyntheticEvents(events, {
      days,
      end: Date.parse(`${inputs.end}T00:00:00Z`),
      seed,
    });
    process.stderr.write(
      `synthetic: ${written.rows} rows, ${written.units} opportunities, ${written.leaves} leaves\n`,
    );
    cli(["--store", store, "--config", config, "ingest", events], { stdio: ["ignore", "ignore", "inherit"] });
    rmSync(events);
  });
  return { store, config };
}

/**
 * The demo store (`avails demo` logs ingested with the default config): `{ store, end }`.
 *
 * @example const { store } = await demoStore({ days: 150, seed: 11, scale: 10_000 });
 */
export async function demoStore({ days, seed, scale }) {
  const dir = join(out, `demo-${seed}`);
  const store = join(dir, "store");
  const end = "2026-11-01";
  const inputs = { days, seed, scale, end, v: 1 };
  await cached(dir, inputs, async () => {
    cli(
      [
        "--store",
        store,
        "demo",
        "--logs-only",
        "--seed",
        `${seed}`,
        "--days",
        `${days}`,
        "--scale",
        `${scale}`,
        "--end",
        end,
        "--out",
        join(dir, "logs"),
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    rmSync(join(dir, "logs"), { recursive: true, force: true });
  });
  return { store, end };
}
