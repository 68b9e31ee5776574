import { buildHierarchy, type Hierarchy } from "../forecast/reconcile/hierarchy.js";
import { restoreSamplePaths, type SamplePaths } from "../forecast/reconcile/sample-paths.js";
import type { Store } from "../store/store.js";
import type { RunManifest } from "./run-manifest.js";

/** The published forecast run, ready to answer queries. */
export interface PublishedForecast {
  readonly runId: string;
  readonly manifest: RunManifest;
  readonly hierarchy: Hierarchy;
  readonly paths: SamplePaths;
  /** Every series' coherent mean forecast, `seriesMean[i * horizon + t]` in `hierarchy.keys` order. */
  readonly seriesMean: Float64Array;
}

/**
 * Reads the run serving reads now (the last published one) and rebuilds its hierarchy and sample paths;
 * null when no run is published.
 *
 * @example
 * const forecast = await readPublishedForecast(store);
 * forecast?.runId; // "r000004"
 */
export async function readPublishedForecast(store: Store): Promise<PublishedForecast | null> {
  const run = await store.runs.readPublished<RunManifest>();
  if (run === null) return null;
  const { manifest, arrays } = run;
  if (manifest?.version !== 1)
    throw new Error(`run ${run.info.id}: not a forecast run this version can read`);
  const hierarchy = buildHierarchy(manifest.leafKeys, manifest.levels);
  const { paths: P, poolLength, block, season, phase } = manifest.paths;
  const paths = restoreSamplePaths(
    {
      leafCount: manifest.leafKeys.length,
      horizon: manifest.horizon,
      paths: P,
      poolLength,
      block,
      season,
      phase,
      mean: arrays.leaf_mean as Float64Array,
      errors: arrays.errors as Float32Array,
      index: arrays.index as Uint16Array | Uint32Array,
      growth: arrays.growth as Float64Array,
      firstBlock: arrays.first_block as Uint32Array,
    },
    hierarchy,
  );
  return { runId: run.info.id, manifest, hierarchy, paths, seriesMean: arrays.series_mean as Float64Array };
}
