// A 500-leaf supply hierarchy for bench:hierarchy's speed target: 25 markets × 5 devices × 4 content kinds,
// 120 days of hourly opportunities as pre-aggregated NDJSON rows (one row per leaf and hour, with a count),
// and the store config whose levels cross those dimensions (780 series). Each leaf has its own size
// (log-normal), a daily cycle in its market's time zone, a weekly cycle, a slow trend and Poisson noise;
// five leaves start in the last 10 days (cold starts). Deterministic for a seed.

import { once } from "node:events";
import { createWriteStream } from "node:fs";

export const GEOS = [
  "US",
  "GB",
  "DE",
  "FR",
  "SE",
  "BR",
  "MX",
  "JP",
  "AU",
  "IN",
  "NO",
  "DK",
  "NL",
  "ES",
  "IT",
  "CA",
  "PL",
  "FI",
  "AT",
  "CH",
  "BE",
  "IE",
  "PT",
  "NZ",
  "AR",
];
export const DEVICES = ["mobile", "desktop", "tablet", "connected_tv", "smart_speaker"];
export const CONTENTS = ["music", "podcast", "news", "sports"];

/** The store config of the synthetic hierarchy: every cross of geo, device and content is a level. */
export const CONFIG = {
  dimensions: [{ name: "geo", case: "upper" }, { name: "device" }, { name: "content" }],
  levels: [
    { name: "total", dimensions: [] },
    { name: "geo", dimensions: ["geo"] },
    { name: "device", dimensions: ["device"] },
    { name: "content", dimensions: ["content"] },
    { name: "geo_device", dimensions: ["geo", "device"] },
    { name: "geo_content", dimensions: ["geo", "content"] },
    { name: "device_content", dimensions: ["device", "content"] },
    { name: "geo_device_content", dimensions: ["geo", "device", "content"] },
  ],
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson draw: Knuth's product for small means, a rounded normal approximation for large ones. */
function poisson(random, mean) {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const u = Math.max(random(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/**
 * Writes the events to `path` (NDJSON) and resolves with the number of rows and units.
 *
 * @example await writeSyntheticEvents("bench/out/hierarchy/events.ndjson", { days: 120, end: Date.UTC(2026, 10, 1), seed: 7 });
 */
export async function writeSyntheticEvents(path, { days, end, seed }) {
  const random = mulberry32(seed);
  const hours = days * 24;
  const start = end - hours * 3_600_000;
  const leaves = [];
  GEOS.forEach((geo, g) => {
    const offset = Math.round(-10 + (20 * g) / GEOS.length);
    DEVICES.forEach((device, d) => {
      CONTENTS.forEach((content, c) => {
        const size = Math.exp(Math.log(400) + 1.2 * (random() * 2 - 1) - 0.3 * d - 0.2 * c);
        const cold = leaves.length % 100 === 37;
        leaves.push({
          geo,
          device,
          content,
          size,
          offset,
          peak: 18 + 3 * (random() - 0.5) - (content === "news" ? 10 : 0),
          weekend: 0.8 + 0.4 * random(),
          trend: 0.3 * (random() - 0.5),
          first: cold ? hours - 24 * (3 + Math.floor(7 * random())) : 0,
        });
      });
    });
  });
  const out = createWriteStream(path);
  let rows = 0;
  let units = 0;
  for (let t = 0; t < hours; t++) {
    const time = start + t * 3_600_000;
    const chunk = [];
    for (const leaf of leaves) {
      if (t < leaf.first) continue;
      const local = (((t + leaf.offset) % 24) + 24) % 24;
      const day = Math.floor((time / 3_600_000 + leaf.offset) / 24);
      const weekday = ((day % 7) + 7 + 4) % 7; // 1970-01-01 was a Thursday
      const daily =
        0.25 + Math.exp(-((local - leaf.peak) ** 2) / 18) + 0.4 * Math.exp(-((local - 8) ** 2) / 6);
      const weekly = weekday >= 5 ? leaf.weekend : 1;
      const mean = leaf.size * daily * weekly * (1 + (leaf.trend * t) / hours);
      const count = poisson(random, mean);
      if (count === 0) continue;
      const at = new Date(time + Math.floor(random() * 3_600_000)).toISOString();
      chunk.push(
        `{"event_id":"${leaf.geo}-${leaf.device}-${leaf.content}-${t}","event_type":"opportunity","event_time":"${at}",` +
          `"ingestion_time":"${at}","geo":"${leaf.geo}","device":"${leaf.device}","content":"${leaf.content}","count":${count}}`,
      );
      rows++;
      units += count;
    }
    if (chunk.length > 0 && !out.write(`${chunk.join("\n")}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { rows, units, leaves: leaves.length };
}
