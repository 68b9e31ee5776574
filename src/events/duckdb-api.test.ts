import * as imported from "@duckdb/node-api";
import { describe, expect, test } from "vitest";
import { DuckDBInstance, JSDuckDBValueConverter } from "./duckdb-api.js";

describe("duckdb-api", () => {
  test("DuckDBInstance and JSDuckDBValueConverter are the package's own, as an import gives them", () => {
    expect(DuckDBInstance).toBe(imported.DuckDBInstance);
    expect(JSDuckDBValueConverter).toBe(imported.JSDuckDBValueConverter);
  });

  test("DuckDBInstance opens a database that answers a query", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll("select 40 + 2 as answer");
    expect(reader.getRowObjectsJS()).toEqual([{ answer: 42 }]);
    connection.closeSync();
  });
});
