import { z } from "zod";

/** An RFC 9457 problem details object. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    field: z.string().optional().meta({ description: "the parameter, body field or line at fault" }),
  })
  .meta({ id: "Problem" });

/** What POST /v1/events did: `avails ingest --json`'s report. */
export const ingestReportSchema = z
  .object({
    runId: z.number().int(),
    kind: z.enum(["ingest", "backfill"]),
    startedAt: z.string(),
    finishedAt: z.string(),
    sources: z.array(z.string()),
    rowsRead: z.number().int(),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    replaced: z.number().int(),
    quarantined: z.record(z.string(), z.number().int()),
    quarantinedTotal: z.number().int(),
    watermarkBefore: z.string().nullable(),
    watermarkAfter: z.string().nullable(),
  })
  .meta({ id: "IngestReport" });

/** GET /readyz. */
export const readySchema = z.object({
  ready: z.boolean(),
  live: z.string().nullable().meta({ description: "the forecast run being served" }),
  published: z.string().nullable().meta({ description: "the run the store has published" }),
  error: z
    .string()
    .nullable()
    .meta({ description: "why the published run is not live, when it failed to load" }),
  watermark: z.string().nullable(),
  alerts: z.array(z.object({ kind: z.enum(["stale_run", "late_data"]), message: z.string() })).meta({
    description:
      "the live run older than serve.maxRunAgeHours, the newest event older than serve.maxWatermarkLagHours",
  }),
  freshness: z
    .object({
      everyMinutes: z.number(),
      running: z.boolean(),
      lastCheck: z.string().nullable(),
      last: z.record(z.string(), z.unknown()).nullable(),
    })
    .nullable()
    .meta({
      description: "the scheduler that forecasts when events arrived: its last check and what it did",
    }),
  stream: z
    .object({
      source: z.string(),
      batches: z.number(),
      entries: z.number(),
      accepted: z.number(),
      duplicates: z.number(),
      quarantined: z.number(),
      lastLagMs: z.number().nullable(),
      lastBatchAt: z.string().nullable(),
      backlog: z.number().nullable(),
    })
    .nullable()
    .meta({
      description:
        "the stream consumed (`avails serve --stream`): batches committed, the last one's lag from the stream to the store commit, the backlog",
    }),
});
