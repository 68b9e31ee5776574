import { DuckDBInstance } from "../events/duckdb-api.js";
import { CSV_COLUMNS } from "./bad-rows.js";

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * Converts the generator's CSV files to Parquet through DuckDB, every column VARCHAR (the ingester parses
 * them as it parses CSV), rows in file order.
 *
 * @example
 * const parquet = await ParquetConverter.create();
 * await parquet.convert("/tmp/day.csv", "events-2026-08-01.parquet");
 * parquet.close();
 */
export class ParquetConverter {
  private readonly instance: DuckDBInstance;
  private readonly connection: Awaited<ReturnType<DuckDBInstance["connect"]>>;

  private constructor(instance: DuckDBInstance, connection: ParquetConverter["connection"]) {
    this.instance = instance;
    this.connection = connection;
  }

  /** Starts an in-memory DuckDB. */
  static async create(): Promise<ParquetConverter> {
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    return new ParquetConverter(instance, await instance.connect());
  }

  /** Writes `csvPath` (with header) as `parquetPath`. */
  async convert(csvPath: string, parquetPath: string): Promise<void> {
    const columns = CSV_COLUMNS.map((c) => `${quote(c)}: 'VARCHAR'`).join(", ");
    await this.connection.run(
      `COPY (SELECT * FROM read_csv(${quote(csvPath)}, header = true, auto_detect = false, delim = ',', ` +
        `quote = '"', escape = '"', columns = {${columns}})) TO ${quote(parquetPath)} (FORMAT parquet)`,
    );
  }

  /** Releases DuckDB. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
