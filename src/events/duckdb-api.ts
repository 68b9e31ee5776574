import { createRequire } from "node:module";
import type * as DuckDB from "@duckdb/node-api";

// DuckDB's Node API is a CommonJS package. Imported from ESM, Node's export lexer walks its re-exports, about 180
// files, on every start of the CLI (0.1-0.2 s of CPU, measured on `avails campaigns show`); required, it is not.
const duckdb: typeof DuckDB = createRequire(import.meta.url)("@duckdb/node-api");

/**
 * DuckDB's database class (`@duckdb/node-api`), loaded with require for a faster start.
 *
 * @example
 * const instance = await DuckDBInstance.create(":memory:");
 */
export const DuckDBInstance = duckdb.DuckDBInstance;
export type DuckDBInstance = DuckDB.DuckDBInstance;

/**
 * DuckDB's converter of values to plain JavaScript ones (`@duckdb/node-api`), loaded with the class above.
 *
 * @example
 * const rows = chunk.convertRows(JSDuckDBValueConverter);
 */
export const JSDuckDBValueConverter = duckdb.JSDuckDBValueConverter;
