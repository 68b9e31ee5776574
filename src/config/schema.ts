import { z } from "zod";

/** A dimension of the delivery events (geo, device, content...). */
export const dimensionSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, "dimension names are lower_snake_case")
    .refine((n) => !RESERVED_COLUMNS.has(n), "dimension name clashes with an event field"),
  /** A row without this field is quarantined as missing_field:<name> when true. */
  required: z.boolean().default(true),
  /** Value used when an optional dimension is absent. */
  default: z.string().default("unknown"),
  /** Values are case-normalised: geo codes upper case, everything else lower case by default. */
  case: z.enum(["upper", "lower", "keep"]).default("lower"),
});

/** A level of the hierarchy: the dimensions its keys are made of; `campaign` means the campaign id. */
export const levelSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, "level names are lower_snake_case"),
  dimensions: z.array(z.string()),
});

/** The gates a forecast run passes before it is published, and how many runs keep their files. */
export const runsSchema = z.object({
  /** Largest share a level's total may move from the last published run's (0.5 = 50%) unless forced. */
  maxLevelShift: z.number().positive().default(0.5),
  /** Largest relative coherence error (children against their parent) a published run may have. */
  coherenceTolerance: z.number().nonnegative().default(1e-9),
  /** Unpublished runs kept with their files (published and rollback targets are always kept). */
  keep: z.number().int().min(1).default(10),
});

/** Live accuracy of published runs and the drift alarms raised from it (`avails accuracy`). */
export const monitorSchema = z
  .object({
    /** Days of scored forecasts an accuracy report covers. */
    windowDays: z.number().int().min(1).max(366).default(7),
    /** A series' forecast over or under its actuals by more than this share over `driftHours` raises an alarm. */
    driftThreshold: z.number().positive().default(0.15),
    /** Hours of the latest day-ahead forecasts the drift alarm looks at. */
    driftHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 35)
      .default(24),
    /** Actuals a series needs over `driftHours` before its bias can raise an alarm (small series are noisy). */
    driftMinVolume: z.number().nonnegative().default(500),
    /** Hourly 80% coverage of a level outside this band over the window raises an alarm. */
    coverageBand80: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.7, 0.9]),
    /** Scored hours a level needs before its coverage can raise an alarm. */
    coverageMinHours: z.number().int().min(1).default(48),
    /** Days forecast snapshots are kept for scoring. */
    retentionDays: z.number().int().min(1).default(42),
    /**
     * The model a series with a bias alarm is forecast with by the next runs, until the alarm clears (a
     * baseline that follows the latest weeks); null keeps every series on the run's model.
     */
    fallbackModel: z.string().min(1).nullable().default("snaive"),
  })
  .refine((m) => m.coverageBand80[0] < m.coverageBand80[1], {
    path: ["coverageBand80"],
    message: "the band's low end must be below its high end",
  });
/** `avails serve`: where it listens and how it protects itself. */
export const serveSchema = z.object({
  /** TCP port; `--port` overrides it. */
  port: z.number().int().min(0).max(65535).default(8080),
  /** Interface to listen on; `--host` overrides it (0.0.0.0 for every interface). */
  host: z.string().min(1).default("127.0.0.1"),
  /** Requests per second per token (a burst of one second's worth); 0 turns it off. `$AVAILS_RATE_LIMIT` overrides it. */
  rateLimit: z.number().nonnegative().default(100),
  /** Largest request body in bytes (a batch of events); larger bodies get 413. */
  bodyLimitBytes: z
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /** Event-loop delay (ms) past which requests are shed with 503 and Retry-After; 0 turns shedding off. */
  maxEventLoopDelayMs: z.number().nonnegative().default(100),
  /** Requests being answered at once past which new ones are shed with 503 and Retry-After; 0 no limit. */
  maxInFlight: z.number().int().nonnegative().default(64),
  /** Responses kept per cached endpoint (avails, forecasts), least recently used dropped first. */
  cacheEntries: z.number().int().min(0).default(2000),
  /** How often (seconds) the server checks which run is published, besides being told on each publish. */
  refreshSeconds: z.number().positive().default(10),
  /** How often (minutes) the server checks for new events and, when some arrived, runs and publishes a forecast; 0 off. */
  forecastEveryMinutes: z.number().nonnegative().default(60),
  /** The live run older than this (hours) raises the stale-run alert. */
  maxRunAgeHours: z.number().positive().default(3),
  /** The newest event older than this (hours) raises the late-data alert; serving goes on either way. */
  maxWatermarkLagHours: z.number().positive().default(3),
});

/** The whole config: dimensions, levels, lateness, the reporting time zone and the store's memory ceiling. */
export const configSchema = z
  .object({
    dimensions: z.array(dimensionSchema).default([
      { name: "geo", required: true, default: "unknown", case: "upper" },
      { name: "device", required: true, default: "unknown", case: "lower" },
      { name: "content", required: false, default: "unknown", case: "lower" },
    ]),
    levels: z.array(levelSchema).default([
      { name: "total", dimensions: [] },
      { name: "geo", dimensions: ["geo"] },
      { name: "device", dimensions: ["device"] },
      { name: "geo_device", dimensions: ["geo", "device"] },
      { name: "campaign", dimensions: ["campaign"] },
    ]),
    /** Hours an event may trail the watermark and still be taken by a live ingest. */
    allowedLatenessHours: z.number().nonnegative().default(72),
    /** An event this many minutes after the ingest clock is quarantined as future_time. */
    futureToleranceMinutes: z.number().nonnegative().default(60),
    /** IANA time zone of reporting days (daily series, backfill days). */
    timeZone: z.string().default("UTC"),
    /** DuckDB memory ceiling for the store; spills to disk past it. */
    memoryLimit: z.string().default("768MB"),
    /** Forecast run gates and retention. */
    runs: runsSchema.prefault({}),
    /** Live accuracy and drift alarms. */
    monitor: monitorSchema.prefault({}),
    /**
     * A conservative quantile of the sample paths that avails are sold from (a safety buffer), e.g. 0.2: every
     * avails answer adds it to each figure and names it; null (default) adds nothing.
     */
    safetyQuantile: z.number().gt(0).lt(1).nullable().default(null),
    /** The HTTP API. */
    serve: serveSchema.prefault({}),
  })
  .superRefine((config, ctx) => {
    const unique = (names: string[], path: string) => {
      const seen = new Set<string>();
      names.forEach((name, i) => {
        if (seen.has(name))
          ctx.addIssue({ code: "custom", path: [path, i, "name"], message: `"${name}" appears twice` });
        seen.add(name);
      });
    };
    unique(
      config.dimensions.map((d) => d.name),
      "dimensions",
    );
    unique(
      config.levels.map((l) => l.name),
      "levels",
    );
    const dimensionSets = new Map<string, string>();
    config.levels.forEach((level, i) => {
      const set = [...level.dimensions].sort().join(",");
      const other = dimensionSets.get(set);
      if (other !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "dimensions"],
          message: `level "${level.name}" has the same dimensions as level "${other}"`,
        });
      }
      dimensionSets.set(set, level.name);
    });
    const known = new Set(["campaign", ...config.dimensions.map((d) => d.name)]);
    config.levels.forEach((level, i) => {
      for (const d of level.dimensions) {
        if (!known.has(d)) {
          ctx.addIssue({
            code: "custom",
            path: ["levels", i, "dimensions"],
            message: `unknown dimension "${d}" (configured: ${[...known].join(", ")})`,
          });
        }
      }
    });
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: config.timeZone });
    } catch {
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: `unknown time zone "${config.timeZone}"` });
    }
  });

/** Event fields a dimension may not be named after. */
const RESERVED_COLUMNS = new Set([
  "event_id",
  "event_type",
  "event_time",
  "ingestion_time",
  "campaign_id",
  "campaign",
  "count",
  "cost_micros",
  "hour",
  "run_id",
  "level",
  "key",
]);

/** A validated config, defaults filled in. */
export type Config = z.infer<typeof configSchema>;
/** One configured dimension. */
export type DimensionConfig = z.infer<typeof dimensionSchema>;
/** The forecast run settings. */
export type RunsConfig = z.infer<typeof runsSchema>;
/** The live accuracy and drift alarm settings. */
export type MonitorConfig = z.infer<typeof monitorSchema>;
/** The HTTP API settings. */
export type ServeConfig = z.infer<typeof serveSchema>;
/** One configured level. */
export type LevelConfig = z.infer<typeof levelSchema>;
