// A blind hourly set of real counts: departures per hour from US airports in the first half of 2001, from the
// 3 million flights of vega-datasets' flights-3m.parquet (US Bureau of Transportation Statistics data, BSD-3 as
// packaged). Hourly counts with a daily and a weekly season, quiet nights, holidays and markets of very different
// sizes: the shape of a publisher's hourly opportunities per market, and of no other set in the benchmark.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

const PACKAGE = "vega-datasets@3.2.1";
const TARBALL = "vega-datasets-3.2.1.tgz";
/** The registry's integrity of that tarball (`npm view vega-datasets@3.2.1 dist.integrity`). */
const INTEGRITY =
  "sha512-lTSwZA6yq6qSU2YZm+6bqILiIvTPPxn4itir7jPGFmHIdPvUfQ9pCzzcrklYywMJgLUbaIeSkZQdiJd6wBxPug==";
/** Origins by their number of flights: the 10 busiest, then 10 mid-sized ones (ranks 41-50), chosen before any run. */
const RANKS = [
  ...Array.from({ length: 10 }, (_, i) => i + 1),
  ...Array.from({ length: 10 }, (_, i) => i + 41),
];

/**
 * Writes `held-out-hourly.csv` (`unique_id,ds,y`) into `out` once: departures per hour, by the scheduled local
 * departure time, from 2001-01-01 00:00 to 2001-06-30 23:00 (4,344 hours), hours without a departure as 0, for
 * the origins of `RANKS`. The package comes from the npm registry (`npm pack`), checked against its integrity.
 * Returns the file, or null when the package cannot be fetched.
 *
 * @example
 * const file = await flightsHourly("bench/out/forecast");
 */
export async function flightsHourly(out) {
  const file = join(out, "held-out-hourly.csv");
  if (existsSync(file)) return file;
  const vendor = join(out, "vendor");
  // Creates `out` too.
  mkdirSync(vendor, { recursive: true });
  const tarball = join(vendor, TARBALL);
  if (!existsSync(tarball)) {
    const packed = spawnSync("npm", ["pack", PACKAGE, "--pack-destination", vendor, "--silent"], {
      stdio: "ignore",
    });
    if (packed.error !== undefined || packed.status !== 0 || !existsSync(tarball)) return null;
  }
  const digest = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  if (digest !== INTEGRITY) throw new Error(`${tarball}: integrity ${digest}, expected ${INTEGRITY}`);
  const parquet = join(vendor, "package/data/flights-3m.parquet");
  if (!existsSync(parquet)) {
    const untar = spawnSync("tar", ["xzf", tarball, "-C", vendor, "package/data/flights-3m.parquet"]);
    if (untar.status !== 0) throw new Error(`${tarball}: could not extract flights-3m.parquet`);
  }
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(`
    with flights as (
      select origin, date_trunc('hour', date) as hour
      from read_parquet('${parquet.replaceAll("'", "''")}')
      where date < timestamp '2001-07-01'
    ),
    ranked as (
      select origin, row_number() over (order by count(*) desc, origin) as rank from flights group by origin
    ),
    chosen as (select origin from ranked where rank in (${RANKS.join(", ")})),
    hours as (
      select unnest(generate_series(timestamp '2001-01-01', timestamp '2001-06-30 23:00', interval 1 hour)) as hour
    ),
    counts as (select origin, hour, count(*) as y from flights group by origin, hour)
    select chosen.origin as unique_id, strftime(hours.hour, '%Y-%m-%d %H:%M:%S') as ds, coalesce(counts.y, 0) as y
    from chosen cross join hours
    left join counts on counts.origin = chosen.origin and counts.hour = hours.hour
    order by unique_id, ds`);
  const rows = ["unique_id,ds,y", ...reader.getRows().map(([id, ds, y]) => `${id},${ds},${y}`)];
  connection.closeSync();
  writeFileSync(file, `${rows.join("\n")}\n`);
  return file;
}
