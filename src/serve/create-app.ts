import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { Config } from "../config/schema.js";
import type { ForecastRunOptions } from "../run/forecast-run.js";
import type { Store } from "../store/store.js";
import { authorize } from "./auth.js";
import type { Freshness } from "./freshness.js";
import { startFreshness } from "./freshness.js";
import { LiveRun } from "./live-run.js";
import { LoadShedder } from "./load-shedder.js";
import { ServerMetrics } from "./metrics.js";
import { openApiDocument } from "./openapi.js";
import { HttpProblem, PROBLEM_TYPE, problemBody } from "./problem.js";
import { RateLimiter } from "./rate-limit.js";
import { ResponseCache } from "./response-cache.js";
import type { RouteSpec } from "./route-spec.js";
import { accuracyRoute } from "./routes/accuracy.js";
import { availsRoute } from "./routes/avails.js";
import { campaignRoutes } from "./routes/campaigns.js";
import { DEFAULT_DASHBOARD_DIR, dashboardRoutes } from "./routes/dashboard.js";
import { eventsRoute, NDJSON_TYPES } from "./routes/events.js";
import { forecastsRoute } from "./routes/forecasts.js";
import { healthRoutes } from "./routes/health.js";
import { levelsRoute } from "./routes/levels.js";
import { metricsRoute } from "./routes/metrics.js";
import { pacingRoute } from "./routes/pacing.js";
import { referenceRoutes } from "./routes/reference.js";
import type { ServeContext } from "./serve-context.js";
import { TokenVerifier } from "./tokens.js";
import { WriteQueue } from "./write-queue.js";

/** What the API server is made from. */
export interface AppOptions {
  config: Config;
  /** The store, opened writable: bookings and ingests go through it. */
  store: Store;
  /** A second, read-only handle on the same store for reads (default: `store`). */
  reader?: Store;
  /** Requests per second per token; default the config's `serve.rateLimit` (the CLI applies $AVAILS_RATE_LIMIT). */
  rateLimit?: number;
  /** Where posted event batches wait for their ingest; default a folder in the system's temp folder. */
  spoolDir?: string;
  /** The built dashboard served at `/` (default the package's dist/dashboard, written by `npm run build`). */
  dashboardDir?: string;
  /** Told about server errors (500s), one line each; default stderr. */
  logError?: (line: string) => void;
  /** Options of the scheduled forecast runs (seed, horizon, paths...). */
  forecast?: ForecastRunOptions;
}

/** A built server: Fastify (not listening yet), the live run, and `close`. */
export interface ServeApp {
  readonly app: FastifyInstance;
  readonly live: LiveRun;
  readonly context: ServeContext;
  /** Forecasts and publishes when events arrived, every `serve.forecastEveryMinutes`, or on `tick()`. */
  readonly freshness: Freshness;
  close(): Promise<void>;
}

declare module "fastify" {
  interface FastifyRequest {
    /** performance.now() when the request arrived, for the latency histogram. */
    startedAt: number;
  }
}

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

/**
 * Builds the HTTP API over a store: the routes of DESIGN.md's API table, bearer tokens with roles, a rate limit
 * per token, load shedding by event-loop delay, responses of the live run cached with ETags, Prometheus
 * metrics, the OpenAPI document and its reference page. Every error is an RFC 9457 problem; a server error says
 * no more than that to the client. Tokens are read once, at start.
 *
 * @example
 * const { app, close } = await createApp({ config, store });
 * await app.listen({ port: 8080 });
 */
export async function createApp(options: AppOptions): Promise<ServeApp> {
  const { config, store } = options;
  const reader = options.reader ?? store;
  const settings = config.serve;
  const logError = options.logError ?? ((line: string) => console.error(line));
  const verifier = new TokenVerifier(await store.tokens.list());
  const limiter = new RateLimiter(options.rateLimit ?? settings.rateLimit);
  const live = new LiveRun(reader, config, settings.refreshSeconds * 1000);
  const status = await reader.status();
  const context: ServeContext = {
    config,
    store,
    reader,
    live,
    writes: new WriteQueue(),
    caches: {
      avails: new ResponseCache(settings.cacheEntries),
      forecasts: new ResponseCache(settings.cacheEntries),
    },
    spoolDir: options.spoolDir ?? join(tmpdir(), `avails-serve-${process.pid}`),
    watermark: status.watermark === null ? null : Date.parse(status.watermark),
  };
  live.onChange(() => {
    context.caches.avails.clear();
    context.caches.forecasts.clear();
  });
  await live.start();
  const freshness = startFreshness(context, { run: options.forecast, logError });
  context.freshness = freshness;
  const metrics = new ServerMetrics();
  const shedder = new LoadShedder({
    maxDelayMs: settings.maxEventLoopDelayMs,
    maxInFlight: settings.maxInFlight,
  });

  const app = Fastify({ logger: false, bodyLimit: settings.bodyLimitBytes, return503OnClosing: true });
  // Sampling starts once listening: building the routes blocks the loop, which is no overload.
  app.addHook("onListen", async () => shedder.start());
  app.addContentTypeParser(NDJSON_TYPES, { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  const sendProblem = (reply: import("fastify").FastifyReply, problem: HttpProblem, instance: string) => {
    for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
    return reply
      .code(problem.status)
      .type(PROBLEM_TYPE)
      .send(
        JSON.stringify({
          ...problem.extensions,
          ...problemBody(problem.status, problem.message, instance, problem.field),
        }),
      );
  };

  app.decorateRequest("startedAt", 0);
  app.addHook("onRequest", async (request, reply) => {
    request.startedAt = performance.now();
    metrics.inFlight++;
    const route = request.routeOptions.config as { neverShed?: boolean } | undefined;
    if (!route?.neverShed && shedder.overloaded(metrics.inFlight - 1)) {
      return sendProblem(
        reply,
        new HttpProblem(503, "the server is overloaded; try again shortly", undefined, {
          "retry-after": String(shedder.retryAfterSeconds()),
        }),
        request.url,
      );
    }
  });
  app.addHook("onResponse", async (request, reply) => {
    metrics.inFlight--;
    const route = request.routeOptions.url ?? "unmatched";
    metrics.observe(request.method, route, reply.statusCode, (performance.now() - request.startedAt) / 1000);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, error, request.url);
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return sendProblem(
        reply,
        new HttpProblem(
          413,
          `body: larger than ${settings.bodyLimitBytes} bytes (config serve.bodyLimitBytes)`,
          "body",
        ),
        request.url,
      );
    }
    if (status === 415) {
      const type = String(request.headers["content-type"] ?? "none");
      return sendProblem(
        reply,
        new HttpProblem(415, `content-type: ${type} is not read here`, "content-type"),
        request.url,
      );
    }
    if (status >= 400 && status < 500) {
      return sendProblem(reply, new HttpProblem(status, `body: ${error.message}`, "body"), request.url);
    }
    logError(`avails serve: ${request.method} ${request.url}: ${error.stack ?? error.message}`);
    return sendProblem(
      reply,
      new HttpProblem(500, "internal error; the server's log has the details"),
      request.url,
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new HttpProblem(404, `no route ${request.method} ${request.url.split("?")[0]}`),
      request.url,
    ),
  );

  let document: Record<string, unknown> | null = null;
  const routes: RouteSpec[] = [
    availsRoute(context),
    forecastsRoute(context),
    levelsRoute(context),
    accuracyRoute(context),
    ...campaignRoutes(context),
    pacingRoute(context),
    eventsRoute(context),
    ...healthRoutes(context),
    metricsRoute(context, metrics, shedder),
    ...dashboardRoutes(options.dashboardDir ?? DEFAULT_DASHBOARD_DIR),
    ...referenceRoutes(() => {
      document ??= openApiDocument(routes, version);
      return document;
    }),
  ];
  for (const route of routes) {
    const role = route.role;
    app.route({
      method: route.method,
      url: route.url,
      config: { neverShed: route.neverShed === true },
      ...(role === null
        ? {}
        : {
            onRequest: async (request) => {
              authorize(request, role, verifier, limiter);
            },
          }),
      handler: route.handler,
    });
  }

  return {
    app,
    live,
    context,
    freshness,
    async close() {
      freshness.stop();
      shedder.stop();
      metrics.stop();
      live.stop();
      await app.close();
    },
  };
}
