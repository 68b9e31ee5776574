import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RawRow } from "./raw-row.js";
import { readParquet } from "./read-parquet.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "avails-read-parquet-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the result of a SELECT to a Parquet file in the temp folder. */
async function writeParquet(name: string, select: string): Promise<string> {
  const path = join(dir, name);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

async function batchesOf(path: string): Promise<RawRow[][]> {
  const batches: RawRow[][] = [];
  for await (const batch of readParquet(path)) batches.push(batch);
  return batches;
}

describe("readParquet", () => {
  it("readParquet(path) yields rows numbered from 1, TIMESTAMPTZ as epoch ms and BIGINT as a number", async () => {
    const path = await writeParquet(
      "events.parquet",
      `SELECT * FROM (VALUES
         ('e1', 'impression', TIMESTAMPTZ '2026-11-25 16:00:00.123+00', 2500::BIGINT, 3::INTEGER, 'SE', 'c1'),
         ('e2', 'opportunity', TIMESTAMPTZ '2026-11-25 18:30:00+01', 0::BIGINT, 1::INTEGER, NULL, NULL)
       ) t(event_id, event_type, event_time, cost_micros, count, geo, campaign_id)`,
    );
    const rows = (await batchesOf(path)).flat();
    const first = {
      event_id: "e1",
      event_type: "impression",
      event_time: Date.UTC(2026, 10, 25, 16, 0, 0, 123),
      cost_micros: 2500,
      count: 3,
      geo: "SE",
      campaign_id: "c1",
    };
    const second = {
      event_id: "e2",
      event_type: "opportunity",
      event_time: Date.UTC(2026, 10, 25, 17, 30),
      cost_micros: 0,
      count: 1,
    };
    expect(rows).toEqual([
      { line: 1, raw: JSON.stringify(first), record: first },
      { line: 2, raw: JSON.stringify(second), record: second },
    ]);
    expect(typeof rows[0].record?.event_time).toBe("number");
    expect(typeof rows[0].record?.cost_micros).toBe("number");
  });

  it("readParquet(path) leaves NULL columns out of the record", async () => {
    const path = await writeParquet("nulls.parquet", "SELECT 'e1' AS event_id, NULL::VARCHAR AS geo");
    expect((await batchesOf(path)).flat()).toEqual([
      { line: 1, raw: '{"event_id":"e1"}', record: { event_id: "e1" } },
    ]);
  });

  it("readParquet(path) gives a BIGINT beyond the safe integers as its exact digits", async () => {
    const path = await writeParquet("big.parquet", "SELECT 9007199254740993::BIGINT AS cost_micros");
    expect((await batchesOf(path)).flat()).toEqual([
      { line: 1, raw: '{"cost_micros":"9007199254740993"}', record: { cost_micros: "9007199254740993" } },
    ]);
  });

  it("readParquet(path) numbers rows consecutively across chunks", async () => {
    const path = await writeParquet(
      "many.parquet",
      "SELECT 'e' || i AS event_id, i::BIGINT AS n FROM range(5000) t(i) ORDER BY i",
    );
    const batches = await batchesOf(path);
    expect(batches.length).toBeGreaterThan(1);
    const rows = batches.flat();
    expect(rows.length).toBe(5000);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].line !== i + 1 || rows[i].record?.n !== i || rows[i].record?.event_id !== `e${i}`) {
        throw new Error(`row ${i}: ${JSON.stringify(rows[i])}`);
      }
    }
  });

  it("readParquet(path) rejects naming a file that does not exist", async () => {
    const missing = join(dir, "missing.parquet");
    await expect(batchesOf(missing)).rejects.toThrow(missing);
  });
});
