import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "./load-config.js";

const MONITOR_DEFAULTS = {
  windowDays: 7,
  driftThreshold: 0.15,
  driftHours: 24,
  driftMinVolume: 500,
  coverageBand80: [0.7, 0.9],
  coverageMinHours: 48,
  retentionDays: 42,
  fallbackModel: "snaive",
};

const DEFAULTS = {
  dimensions: [
    { name: "geo", required: true, default: "unknown", case: "upper" },
    { name: "device", required: true, default: "unknown", case: "lower" },
    { name: "content", required: false, default: "unknown", case: "lower" },
  ],
  levels: [
    { name: "total", dimensions: [] },
    { name: "geo", dimensions: ["geo"] },
    { name: "device", dimensions: ["device"] },
    { name: "geo_device", dimensions: ["geo", "device"] },
    { name: "campaign", dimensions: ["campaign"] },
  ],
  allowedLatenessHours: 72,
  futureToleranceMinutes: 60,
  timeZone: "UTC",
  memoryLimit: "768MB",
  runs: { maxLevelShift: 0.5, coherenceTolerance: 1e-9, keep: 10 },
  monitor: MONITOR_DEFAULTS,
  safetyQuantile: null,
  serve: {
    port: 8080,
    host: "127.0.0.1",
    rateLimit: 100,
    bodyLimitBytes: 16 * 1024 * 1024,
    maxEventLoopDelayMs: 100,
    maxInFlight: 64,
    cacheEntries: 2000,
    refreshSeconds: 10,
    forecastEveryMinutes: 60,
    maxRunAgeHours: 3,
    maxWatermarkLagHours: 3,
  },
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "avails-config-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Runs fn with AVAILS_CONFIG set (or unset) and the working folder changed, restoring both. */
function withEnvironment<T>(env: string | undefined, cwd: string, fn: () => T): T {
  const savedEnv = process.env.AVAILS_CONFIG;
  const savedCwd = process.cwd();
  if (env === undefined) delete process.env.AVAILS_CONFIG;
  else process.env.AVAILS_CONFIG = env;
  process.chdir(cwd);
  try {
    return fn();
  } finally {
    process.chdir(savedCwd);
    if (savedEnv === undefined) delete process.env.AVAILS_CONFIG;
    else process.env.AVAILS_CONFIG = savedEnv;
  }
}

describe("parseConfig", () => {
  it("parseConfig({}) fills every default", () => {
    expect(parseConfig({}, "defaults")).toEqual(DEFAULTS);
  });

  it("parseConfig(value) fills the defaults of a dimension given by name only", () => {
    const config = parseConfig({ dimensions: [{ name: "region" }], levels: [] }, "inline");
    expect(config.dimensions).toEqual([
      { name: "region", required: true, default: "unknown", case: "lower" },
    ]);
    expect(config.levels).toEqual([]);
  });

  it("parseConfig(value) keeps the values given", () => {
    const config = parseConfig(
      {
        dimensions: [{ name: "market", required: false, default: "xx", case: "keep" }],
        levels: [{ name: "by_market", dimensions: ["market", "campaign"] }],
        allowedLatenessHours: 0,
        futureToleranceMinutes: 5,
        timeZone: "Europe/Stockholm",
        memoryLimit: "2GB",
        runs: { maxLevelShift: 0.25, coherenceTolerance: 1e-6, keep: 3 },
        serve: { port: 9000, rateLimit: 0 },
      },
      "inline",
    );
    expect(config).toEqual({
      dimensions: [{ name: "market", required: false, default: "xx", case: "keep" }],
      levels: [{ name: "by_market", dimensions: ["market", "campaign"] }],
      allowedLatenessHours: 0,
      futureToleranceMinutes: 5,
      timeZone: "Europe/Stockholm",
      memoryLimit: "2GB",
      runs: { maxLevelShift: 0.25, coherenceTolerance: 1e-6, keep: 3 },
      monitor: MONITOR_DEFAULTS,
      safetyQuantile: null,
      serve: { ...DEFAULTS.serve, port: 9000, rateLimit: 0 },
    });
  });

  it("parseConfig(value) rejects a level with an unknown dimension, naming the level's field path", () => {
    expect(() =>
      parseConfig(
        {
          levels: [
            { name: "total", dimensions: [] },
            { name: "r", dimensions: ["geo", "region"] },
          ],
        },
        "inline",
      ),
    ).toThrow(
      'config inline: levels.1.dimensions: unknown dimension "region" (configured: campaign, geo, device, content)',
    );
  });

  it("parseConfig(value) rejects an unknown time zone, naming timeZone", () => {
    expect(() => parseConfig({ timeZone: "Mars/Olympus_Mons" }, "inline")).toThrow(
      'config inline: timeZone: unknown time zone "Mars/Olympus_Mons"',
    );
  });

  it("parseConfig(value) rejects a negative allowed lateness, naming allowedLatenessHours", () => {
    expect(() => parseConfig({ allowedLatenessHours: -1 }, "inline")).toThrow(
      "config inline: allowedLatenessHours: Too small: expected number to be >=0",
    );
  });

  it("parseConfig(value) rejects a negative future tolerance, naming futureToleranceMinutes", () => {
    expect(() => parseConfig({ futureToleranceMinutes: -5 }, "inline")).toThrow(
      "config inline: futureToleranceMinutes: Too small: expected number to be >=0",
    );
  });

  it("parseConfig(value) rejects a coverage band whose low end is not below its high end, naming the key", () => {
    expect(() => parseConfig({ monitor: { coverageBand80: [0.9, 0.7] } }, "inline")).toThrow(
      /monitor\.coverageBand80/,
    );
    expect(() => parseConfig({ monitor: { driftThreshold: 0 } }, "inline")).toThrow(
      /monitor\.driftThreshold/,
    );
  });

  it("parseConfig(value) fills the run gate defaults around a partial runs object", () => {
    expect(parseConfig({ runs: { maxLevelShift: 0.2 } }, "inline").runs).toEqual({
      maxLevelShift: 0.2,
      coherenceTolerance: 1e-9,
      keep: 10,
    });
  });

  it("parseConfig(value) rejects a zero level shift and a negative coherence tolerance, naming the key", () => {
    expect(() => parseConfig({ runs: { maxLevelShift: 0 } }, "inline")).toThrow(
      "config inline: runs.maxLevelShift: Too small",
    );
    expect(() => parseConfig({ runs: { coherenceTolerance: -1 } }, "inline")).toThrow(
      "config inline: runs.coherenceTolerance: Too small",
    );
  });

  it("parseConfig(value) rejects a dimension named after an event field such as count", () => {
    for (const name of ["count", "event_id", "campaign", "cost_micros", "hour"]) {
      expect(() => parseConfig({ dimensions: [{ name }], levels: [] }, "inline"), name).toThrow(
        "config inline: dimensions.0.name: dimension name clashes with an event field",
      );
    }
  });

  it("parseConfig(value) rejects dimension and level names that are not lower_snake_case", () => {
    expect(() =>
      parseConfig({ dimensions: [{ name: "geo" }, { name: "Geo" }], levels: [] }, "inline"),
    ).toThrow("config inline: dimensions.1.name: dimension names are lower_snake_case");
    expect(() => parseConfig({ levels: [{ name: "by-geo", dimensions: ["geo"] }] }, "inline")).toThrow(
      "config inline: levels.0.name: level names are lower_snake_case",
    );
  });

  it("parseConfig(value) rejects a case rule outside upper, lower and keep", () => {
    expect(() => parseConfig({ dimensions: [{ name: "geo", case: "title" }], levels: [] }, "inline")).toThrow(
      'config inline: dimensions.0.case: Invalid option: expected one of "upper"|"lower"|"keep"',
    );
  });

  it("parseConfig(value) rejects a field of the wrong type, naming it", () => {
    expect(() => parseConfig({ allowedLatenessHours: "72" }, "inline")).toThrow(
      "config inline: allowedLatenessHours: Invalid input: expected number, received string",
    );
  });

  it("parseConfig(value) names (root) when the config is not an object", () => {
    expect(() => parseConfig(42, "inline")).toThrow(
      "config inline: (root): Invalid input: expected object, received number",
    );
  });
});

describe("loadConfig", () => {
  it("loadConfig(path) reads a JSON file and fills the defaults", async () => {
    const path = await write(
      "good.json",
      JSON.stringify({ timeZone: "America/New_York", allowedLatenessHours: 24 }),
    );
    expect(loadConfig(path)).toEqual({ ...DEFAULTS, timeZone: "America/New_York", allowedLatenessHours: 24 });
  });

  it("loadConfig(path) names the file and the field when the file breaks the schema", async () => {
    const path = await write("bad-zone.json", JSON.stringify({ timeZone: "Nowhere/Land" }));
    expect(() => loadConfig(path)).toThrow(`config ${path}: timeZone: unknown time zone "Nowhere/Land"`);
  });

  it("loadConfig(path) names the file when it is not valid JSON", async () => {
    const path = await write("broken.json", '{"timeZone": "UTC",');
    expect(() => loadConfig(path)).toThrow(`config ${path}: not valid JSON (`);
  });

  it("loadConfig(path) names the file when it cannot be read", () => {
    const path = join(dir, "missing.json");
    expect(() => loadConfig(path)).toThrow(`config ${path}: cannot read the file`);
  });

  it("loadConfig() uses $AVAILS_CONFIG when no path is given", async () => {
    const path = await write("from-env.json", JSON.stringify({ memoryLimit: "1GB" }));
    const config = withEnvironment(path, dir, () => loadConfig());
    expect(config).toEqual({ ...DEFAULTS, memoryLimit: "1GB" });
  });

  it("loadConfig() reads ./avails.config.json when present and returns the defaults when not", async () => {
    const withFile = await mkdtemp(join(dir, "with-file-"));
    await writeFile(join(withFile, "avails.config.json"), JSON.stringify({ futureToleranceMinutes: 15 }));
    expect(withEnvironment(undefined, withFile, () => loadConfig())).toEqual({
      ...DEFAULTS,
      futureToleranceMinutes: 15,
    });
    const empty = await mkdtemp(join(dir, "empty-"));
    expect(withEnvironment(undefined, empty, () => loadConfig())).toEqual(DEFAULTS);
  });

  it("loadConfig(path) prefers the given path over $AVAILS_CONFIG", async () => {
    const given = await write("given.json", JSON.stringify({ allowedLatenessHours: 1 }));
    const fromEnv = await write("env.json", JSON.stringify({ allowedLatenessHours: 2 }));
    expect(withEnvironment(fromEnv, dir, () => loadConfig(given)).allowedLatenessHours).toBe(1);
  });
});

describe("parseConfig refuses ambiguous names", () => {
  it("parseConfig(config) refuses a dimension or level named twice, and two levels with the same dimensions", () => {
    expect(() => parseConfig({ dimensions: [{ name: "geo" }, { name: "geo" }] }, "t")).toThrow(
      'config t: dimensions.1.name: "geo" appears twice',
    );
    expect(() =>
      parseConfig(
        {
          levels: [
            { name: "geo", dimensions: ["geo"] },
            { name: "market", dimensions: ["geo"] },
          ],
        },
        "t",
      ),
    ).toThrow('levels.1.dimensions: level "market" has the same dimensions as level "geo"');
  });
});
