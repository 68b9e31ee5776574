import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/schema.js";
import { type Adjustment, type AdjustmentSpec, checkAdjustmentSpec } from "../forecast/adjust/adjustment.js";

/** The forecast adjustments of a store. */
export interface Adjustments {
  /** Stores an adjustment and returns it with its id. */
  add(spec: AdjustmentSpec): Promise<Adjustment>;
  /** All adjustments, in the order they were added (the order runs apply them in). */
  list(): Promise<Adjustment[]>;
  /** Removes an adjustment and returns what it was. */
  remove(id: number): Promise<Adjustment>;
}

/**
 * The adjustments table of a store over its DuckDB connection; users reach it as `store.adjustments`.
 * Targeting dimensions must be configured dimensions (campaigns are not supply, so not adjustable).
 *
 * @example
 * const a = await store.adjustments.add({ name: "xmas SE", targeting: { geo: ["SE"] },
 *   start: "2026-12-01", end: "2026-12-24", kind: "percent", value: 15 });
 * await store.adjustments.remove(a.id);
 */
export function adjustmentsTable(
  connection: DuckDBConnection,
  config: Config,
  readOnly: boolean,
): Adjustments {
  const dimensions = new Set(config.dimensions.map((d) => d.name));

  async function hasTable(): Promise<boolean> {
    const reader = await connection.runAndReadAll(
      "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'adjustments'",
    );
    return Number(reader.getRows()[0][0]) > 0;
  }

  async function select(where: string, params: Record<string, number>): Promise<Adjustment[]> {
    if (!(await hasTable())) return [];
    const reader = await connection.runAndReadAll(
      `SELECT id, name, targeting, start_date, end_date, kind, value, created_at FROM adjustments
       WHERE ${where} ORDER BY id`,
      params,
    );
    return reader.getRows().map(([id, name, targeting, start, end, kind, value, createdAt]) => ({
      id: Number(id),
      name: String(name),
      targeting: JSON.parse(String(targeting)) as Record<string, string[]>,
      start: String(start),
      end: String(end),
      kind: String(kind) as Adjustment["kind"],
      value: Number(value),
      createdAt: String(createdAt),
    }));
  }

  function writable(): void {
    if (readOnly) throw new Error("the store was opened read-only");
  }

  return {
    async add(spec) {
      writable();
      checkAdjustmentSpec(spec);
      for (const dimension of Object.keys(spec.targeting)) {
        if (!dimensions.has(dimension)) {
          throw new Error(
            `targeting: unknown dimension "${dimension}" (configured: ${[...dimensions].join(", ")})`,
          );
        }
      }
      const createdAt = new Date().toISOString();
      // One statement: the id and the row commit together.
      const reader = await connection.runAndReadAll(
        `INSERT INTO adjustments
         SELECT coalesce(max(id), 0) + 1, $name, $targeting, $start, $end, $kind, $value, $createdAt FROM adjustments
         RETURNING id`,
        {
          name: spec.name,
          targeting: JSON.stringify(spec.targeting),
          start: spec.start,
          end: spec.end,
          kind: spec.kind,
          value: spec.value,
          createdAt,
        },
      );
      return { ...spec, id: Number(reader.getRows()[0][0]), createdAt };
    },
    list() {
      return select("true", {});
    },
    async remove(id) {
      writable();
      const [found] = await select("id = $id", { id });
      if (found === undefined) throw new Error(`no adjustment ${id} (avails adjustments list shows them)`);
      await connection.run("DELETE FROM adjustments WHERE id = $id", { id });
      return found;
    },
  };
}
