import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CSV_COLUMNS } from "./bad-rows.js";
import { draftCampaigns } from "./campaigns.js";
import { CELLS } from "./cells.js";
import { DAY_MS, HOUR_MS, isoDate } from "./civil-date.js";
import { CLICK_THROUGH_RATE, planDelivery } from "./delivery-plan.js";
import { DEVICES } from "./devices.js";
import { FileSink } from "./file-sink.js";
import { sampleGamma } from "./gamma.js";
import type { DemoManifest } from "./manifest.js";
import { MarketClock } from "./market-clock.js";
import { MARKETS } from "./markets.js";
import { type DemoOptions, validateDemoOptions } from "./options.js";
import { samplePoisson } from "./poisson.js";
import { Random } from "./random.js";
import { CLICK, IMPRESSION, OPPORTUNITY, RowWriter } from "./row-writer.js";
import { SellTable } from "./sell-table.js";
import { TrafficModel } from "./traffic.js";

export type { DemoManifest } from "./manifest.js";
export type { DemoOptions } from "./options.js";

/** Gamma shape of the traffic noise: each cell-hour's rate is scaled by Gamma(k, 1/k) (CV 1/sqrt(k) = 18%). */
const DISPERSION_SHAPE = 30;
/** Share of opportunity rows pre-aggregated with a count of 2-5. */
const AGGREGATED_SHARE = 0.02;
/** Write when this many bytes are buffered. */
const FLUSH_BYTES = 1 << 20;
const PROGRESS_EVERY = 50_000;

/**
 * Generates realistic, deterministic delivery logs: one file per arrival day in `outDir`, plus
 * campaigns.json and (last) manifest.json, which counts exactly what the files hold. See docs/demo.md.
 *
 * @example
 * const manifest = await generateDemo({
 *   outDir: "demo", seed: 42, days: 120, scale: 25_000, format: "ndjson", gzip: false,
 *   end: new Date(Date.UTC(2026, 7, 1)),
 * });
 * manifest.events.impression; // real impressions, as the store should hold them
 */
export async function generateDemo(options: DemoOptions): Promise<DemoManifest> {
  validateDemoOptions(options);
  const { outDir, seed, days, scale, format, gzip, onProgress } = options;
  const endMs = options.end.getTime();
  const endDay = endMs / DAY_MS;
  const startDay = endDay - days;
  const startMs = startDay * DAY_MS;
  await mkdir(outDir, { recursive: true });

  // Campaigns first: their flights decide how far around the history the traffic model must reach.
  const drafts = draftCampaigns(new Random(seed, 1), startDay, days);
  const windowStart = Math.min(startDay, ...drafts.map((d) => d.startDay));
  const windowEnd = Math.max(endDay, ...drafts.map((d) => d.endDay + 1));
  const clock = new MarketClock(
    MARKETS.map((m) => m.timeZone),
    windowStart,
    windowEnd - windowStart,
  );
  const model = new TrafficModel(clock, startDay);
  const historyOffset = startDay - windowStart;
  const plan = planDelivery(drafts, model, historyOffset, days, scale);
  await writeFile(join(outDir, "campaigns.json"), `${JSON.stringify(plan.campaigns, null, 2)}\n`);

  const sellTable = new SellTable(plan);
  const rng = new Random(seed, 2);
  const csv = format !== "ndjson";
  const writer = new RowWriter({
    csv,
    parquet: format === "parquet",
    seed,
    rng: new Random(seed, 3),
    clock,
    startMs,
    endMs,
    campaigns: plan.campaigns,
  });
  // DuckDB loads only when Parquet is asked for.
  const parquet =
    format === "parquet" ? await (await import("./parquet.js")).ParquetConverter.create() : null;
  const extension = `${csv ? "csv" : "ndjson"}${gzip ? ".gz" : ""}`;
  const header = `${CSV_COLUMNS.join(",")}\n`;
  const expectedRows = Math.max(1, Math.round(scale * days * 1.021));
  let reported = 0;
  const progress = (): void => {
    const done = writer.rowCount;
    if (onProgress && done - reported >= PROGRESS_EVERY) {
      reported = done;
      onProgress(done, Math.max(expectedRows, done + 1));
    }
  };

  const files: string[] = [];
  const shape = new Float64Array(CELLS.length);
  let packed = new Uint32Array(1 << 14);
  try {
    for (let day = 0; day < days; day++) {
      const name = `events-${isoDate(startDay + day)}.${parquet ? "parquet" : extension}`;
      const path = join(outDir, parquet ? `.${name}.csv.tmp` : name);
      const sink = FileSink.open(path, gzip);
      if (csv) await sink.write(Buffer.from(header));
      sellTable.build(day);
      for (let h = 0; h < 24; h++) {
        const hour = day * 24 + h;
        const hourMs = startMs + hour * HOUR_MS;
        writer.beginHour(hour);
        // Opportunities per cell: Poisson(lambda x G), G ~ Gamma(k, 1/k): negative binomial, over-dispersed.
        model.hourShape(hour + historyOffset * 24, shape);
        let n = 0;
        for (let cell = 0; cell < CELLS.length; cell++) {
          const lambda = (shape[cell] * plan.unit * sampleGamma(rng, DISPERSION_SHAPE)) / DISPERSION_SHAPE;
          let left = samplePoisson(rng, lambda);
          if (n + left > packed.length) {
            const grown = new Uint32Array(Math.max(2 * packed.length, n + left));
            grown.set(packed.subarray(0, n));
            packed = grown;
          }
          while (left > 0) {
            const u = rng.next();
            let count = 1;
            if (u < AGGREGATED_SHARE && left > 1)
              count = Math.min(left, 2 + Math.floor((u * 4) / AGGREGATED_SHARE));
            // Pack (ms in hour, cell, count - 1) in 22 + 7 + 3 bits: one native sort orders the hour by time.
            packed[n++] = Math.floor(rng.next() * HOUR_MS) * 1024 + cell * 8 + count - 1;
            left -= count;
          }
        }
        const rows = packed.subarray(0, n);
        rows.sort();
        for (let i = 0; i < n; i++) {
          const v = rows[i];
          const ms = hourMs + (v >>> 10);
          const cell = (v >>> 3) & 127;
          const count = (v & 7) + 1;
          writer.emit(OPPORTUNITY, ms, cell, count, -1);
          for (let k = 0; k < count; k++) {
            const campaign = sellTable.pick(cell, rng.next());
            if (campaign < 0) continue;
            const shown = Math.min(ms + Math.floor(rng.next() * 2001), endMs - 1);
            writer.emit(IMPRESSION, shown, cell, 1, campaign);
            if (rng.next() < CLICK_THROUGH_RATE) {
              writer.emit(
                CLICK,
                Math.min(shown + 1000 + Math.floor(rng.next() * 19_000), endMs - 1),
                cell,
                1,
                campaign,
              );
            }
          }
          if (writer.size >= FLUSH_BYTES) {
            await sink.write(writer.take());
            progress();
          }
        }
      }
      await sink.write(writer.take());
      await sink.close();
      if (parquet) {
        await parquet.convert(path, join(outDir, name));
        await rm(path);
      }
      files.push(name);
      progress();
    }
  } finally {
    parquet?.close();
  }
  onProgress?.(writer.rowCount, writer.rowCount);

  const manifest: DemoManifest = {
    seed,
    days,
    scale,
    format,
    gzip,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    files,
    ...writer.counts(),
    markets: MARKETS.map((m) => ({ geo: m.geo, time_zone: m.timeZone })),
    devices: DEVICES.map((d) => d.name),
    campaigns: plan.campaigns.length,
  };
  await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
