import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDemo } from "../src/demo/generate.js";
import { openStore } from "../src/store/duckdb-store.js";
import { cli, cubeDigest, defaultConfig, tempDir } from "./helpers.js";

const END = new Date(Date.UTC(2026, 10, 1));

function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

describe("demo logs through ingest", () => {
  it("ingesting every file in one run stores exactly the manifest's events, duplicates and quarantine", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const manifest = await generateDemo({
        outDir: join(dir, "logs"),
        seed: 3,
        days: 12,
        scale: 4000,
        format: "ndjson",
        gzip: false,
        end: END,
      });
      const store = await openStore(join(dir, "store"), defaultConfig);
      const report = await store.ingest([join(dir, "logs")]);
      const status = await store.status();
      await store.close();
      expect(report.rowsRead).toBe(manifest.rows_written);
      expect(status.events).toEqual(manifest.events);
      expect(status.duplicates).toBe(manifest.duplicates);
      expect(status.quarantined).toEqual(nonZero(manifest.quarantine));
    } finally {
      cleanup();
    }
  });

  it("ingesting one run per day in order quarantines exactly the rows beyond the allowed lateness as too_late", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const manifest = await generateDemo({
        outDir: join(dir, "logs"),
        seed: 5,
        days: 10,
        scale: 4000,
        format: "ndjson",
        gzip: false,
        end: END,
      });
      expect(manifest.late_beyond_allowed).toBeGreaterThan(0);
      const store = await openStore(join(dir, "store"), defaultConfig);
      for (const file of manifest.files) await store.ingest([join(dir, "logs", file)]);
      const status = await store.status();
      await store.close();
      expect(status.quarantined).toEqual(
        nonZero({ ...manifest.quarantine, too_late: manifest.late_beyond_allowed }),
      );
      expect(status.events).toEqual({
        opportunity: manifest.events.opportunity - manifest.late_beyond_allowed_events.opportunity,
        impression: manifest.events.impression - manifest.late_beyond_allowed_events.impression,
        click: manifest.events.click - manifest.late_beyond_allowed_events.click,
      });
      expect(status.duplicates).toBe(manifest.duplicates);
    } finally {
      cleanup();
    }
  });

  it("CSV, gzip CSV and Parquet logs of a seed give the same cube as its NDJSON logs", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const digests: string[] = [];
      for (const [format, gzip] of [
        ["ndjson", false],
        ["csv", true],
        ["parquet", false],
      ] as const) {
        const logs = join(dir, `logs-${format}`);
        await generateDemo({ outDir: logs, seed: 9, days: 4, scale: 3000, format, gzip, end: END });
        const store = await openStore(join(dir, `store-${format}`), defaultConfig);
        await store.ingest([logs]);
        digests.push(await cubeDigest(store));
        await store.close();
      }
      expect(digests[0].length).toBeGreaterThan(0);
      expect(digests[1]).toBe(digests[0]);
      expect(digests[2]).toBe(digests[0]);
    } finally {
      cleanup();
    }
  });

  it("avails demo generates, ingests history and live days, and says so; a second run leaves the store alone", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = join(dir, "data");
      const args = [
        "--store",
        store,
        "demo",
        "--logs-only",
        "--days",
        "9",
        "--scale",
        "3000",
        "--seed",
        "11",
        "--end",
        "2026-11-01",
      ];
      const first = await cli(args);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("ingest run 1:");
      expect(first.stdout).toContain("ingest run 8:");
      const manifest = JSON.parse(readFileSync(join(store, "demo-logs", "manifest.json"), "utf8"));
      const status = JSON.parse((await cli(["--store", store, "status", "--json"])).stdout);
      expect(status.runs).toBe(8);
      expect(status.duplicates).toBe(manifest.duplicates);
      // Only late rows arriving in the 7 live days can be too late; the history run takes any history.
      expect(status.quarantined.too_late ?? 0).toBeLessThanOrEqual(manifest.late_beyond_allowed);
      expect(status.events.opportunity + status.events.impression + status.events.click).toBeGreaterThan(
        20_000,
      );
      const again = await cli(args);
      expect(again.stdout).toContain("already has events");
      const after = JSON.parse((await cli(["--store", store, "status", "--json"])).stdout);
      expect(after.runs).toBe(8);
    } finally {
      cleanup();
    }
  });

  it("avails demo refuses bad options naming the flag", async () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const [flag, value, message] of [
        ["--days", "0", 'invalid demo option "days"'],
        ["--days", "ten", '--days: "ten" is not a whole number'],
        ["--format", "xml", '--format: "xml" is not ndjson, csv or parquet'],
        ["--end", "2026-02-30", '--end: "2026-02-30" is not a date'],
      ]) {
        const result = await cli(["--store", join(dir, "s"), "demo", flag, value]);
        expect(result.code, `${flag} ${value}`).toBe(1);
        expect(result.stderr).toContain(message);
        expect(existsSync(join(dir, "s")), "no store is created").toBe(false);
      }
    } finally {
      cleanup();
    }
  });
});
