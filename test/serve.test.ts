import { rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/load-config.js";
import type { Config } from "../src/config/schema.js";
import { runForecast } from "../src/run/forecast-run.js";
import { createApp, type ServeApp } from "../src/serve/create-app.js";
import { createToken } from "../src/serve/tokens.js";
import { openStore } from "../src/store/duckdb-store.js";
import type { Store } from "../src/store/store.js";
import { tempDir } from "./helpers.js";
import { SMALL_RUN, smallStore } from "./serve-store.js";

// One small store (2 geos × 2 devices, three weeks, run r000001 published) served on an ephemeral port, with a
// token of each role; requests are real HTTP requests through fetch.
let dir: string;
let cleanup: () => void;
let config: Config;
let store: Store;
let reader: Store;
let served: ServeApp;
let base: string;
const token: Record<"viewer" | "planner" | "admin" | "revoked", string> = {
  viewer: "",
  planner: "",
  admin: "",
  revoked: "",
};
const errors: string[] = [];

/** Forecast days of the small store's runs (the horizon starts 2026-10-22). */
const DAYS = "start=2026-10-22&end=2026-10-24";

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("avails-serve-"));
  // Shedding off here: the tests share the server's event loop, and loading modules blocks it. Its own test
  // below turns it on.
  config = parseConfig({ serve: { maxEventLoopDelayMs: 0, rateLimit: 0 } }, "test");
  store = await smallStore(dir, config);
  for (const role of ["viewer", "planner", "admin"] as const)
    token[role] = (await createToken(store.tokens, role)).token;
  const revoked = await createToken(store.tokens, "admin");
  token.revoked = revoked.token;
  await store.tokens.revoke(revoked.id, new Date().toISOString());
  reader = await openStore(`${dir}/data`, config, { readOnly: true });
  served = await createApp({
    config,
    store,
    reader,
    logError: (line) => errors.push(line),
    forecast: { ...SMALL_RUN, seed: 5 },
  });
  base = await served.app.listen({ port: 0, host: "127.0.0.1" });
}, 120_000);

afterAll(async () => {
  await served?.close();
  await reader?.close();
  await store?.close();
  cleanup?.();
});

async function call(
  method: string,
  path: string,
  options: {
    as?: keyof typeof token | null;
    body?: string | Buffer;
    type?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as === undefined ? "admin" : options.as;
  if (as !== null) headers.authorization = `Bearer ${token[as]}`;
  if (options.type) headers["content-type"] = options.type;
  const response = await fetch(base + path, { method, headers, body: options.body });
  const text = await response.text();
  const json =
    text !== "" && /json/.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : null;
  return { status: response.status, headers: response.headers, text, json };
}

/** Waits until /readyz says a run is live (a publish loads it in the background); bounded, not timed. */
async function liveRun(id: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const ready = await call("GET", "/readyz", { as: null });
    if (ready.json?.live === id) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`run ${id} never became live`);
}

function expectProblem(
  result: Awaited<ReturnType<typeof call>>,
  status: number,
  field?: string,
  detail?: RegExp,
): void {
  expect(result.status, result.text).toBe(status);
  expect(result.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(result.json).toMatchObject({ status, type: `/docs#problem-${status}` });
  expect(typeof result.json.title).toBe("string");
  if (field !== undefined) expect(result.json.field).toBe(field);
  if (detail !== undefined) expect(result.json.detail).toMatch(detail);
  expect(result.text).not.toMatch(/\n\s+at /);
}

const CAMPAIGN = {
  id: "spring",
  name: "Spring sale",
  advertiser: "Acme",
  targeting: { geo: ["se"] },
  start: "2026-10-22",
  end: "2026-10-24",
  goal_impressions: 20_000,
  priority: "guaranteed",
};

/** Every /v1 route with a request it accepts, and the role it needs. */
const ROUTES: {
  method: string;
  path: string;
  role: "viewer" | "planner" | "admin";
  body?: string;
  type?: string;
}[] = [
  { method: "GET", path: `/v1/avails?${DAYS}`, role: "viewer" },
  { method: "GET", path: `/v1/forecasts?level=total&${DAYS}`, role: "viewer" },
  { method: "GET", path: "/v1/accuracy", role: "viewer" },
  { method: "GET", path: "/v1/levels", role: "viewer" },
  { method: "GET", path: "/v1/campaigns", role: "viewer" },
  { method: "GET", path: "/v1/campaigns/none", role: "viewer" },
  { method: "GET", path: "/v1/campaigns/none/pacing", role: "viewer" },
  {
    method: "POST",
    path: "/v1/campaigns",
    role: "planner",
    body: JSON.stringify({ ...CAMPAIGN, id: "role-check" }),
    type: "application/json",
  },
  { method: "DELETE", path: "/v1/campaigns/role-check", role: "planner" },
  {
    method: "POST",
    path: "/v1/events",
    role: "admin",
    body: `${JSON.stringify({ event_id: "role-check", event_type: "opportunity", event_time: "2026-10-21T12:00:00Z", geo: "SE", device: "mobile" })}\n`,
    type: "application/x-ndjson",
  },
];

describe("avails serve: authentication and roles", () => {
  it("refuses every /v1 route without a token, with a wrong one and with a revoked one (401 problem with a Bearer challenge)", async () => {
    for (const route of ROUTES) {
      const none = await call(route.method, route.path, { as: null, body: route.body, type: route.type });
      expectProblem(none, 401, "authorization", /no bearer token/);
      expect(none.headers.get("www-authenticate")).toBe('Bearer realm="avails"');
      const forged = `${token.admin.slice(0, -4)}AAAA`;
      const wrong = await call(route.method, route.path, {
        as: null,
        headers: { authorization: `Bearer ${forged}` },
        body: route.body,
        type: route.type,
      });
      expectProblem(wrong, 401, "authorization", /not a live token/);
      expect(wrong.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
      expectProblem(
        await call(route.method, route.path, { as: "revoked", body: route.body, type: route.type }),
        401,
      );
      const basic = await call(route.method, route.path, {
        as: null,
        headers: { authorization: "Basic YTpi" },
      });
      expectProblem(basic, 401);
    }
  });

  it("lets each role do what DESIGN.md says on every route: reads viewer, campaign writes planner, ingest admin (403 otherwise)", async () => {
    const rank = { viewer: 0, planner: 1, admin: 2 } as const;
    for (const role of ["viewer", "planner", "admin"] as const) {
      for (const route of ROUTES) {
        const result = await call(route.method, route.path, { as: role, body: route.body, type: route.type });
        if (rank[role] >= rank[route.role]) {
          expect(result.status, `${role} ${route.method} ${route.path}: ${result.text}`).not.toBe(403);
          expect(result.status).not.toBe(401);
        } else {
          expectProblem(
            result,
            403,
            "authorization",
            new RegExp(`role ${role}; ${route.method} .* needs ${route.role}`),
          );
        }
      }
    }
  });

  it("serves /healthz, /readyz, /metrics, /openapi.json and /docs without a token", async () => {
    expect((await call("GET", "/healthz", { as: null })).json).toEqual({ status: "ok" });
    const ready = await call("GET", "/readyz", { as: null });
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ ready: true, live: "r000001", published: "r000001", error: null });
    const doc = await call("GET", "/openapi.json", { as: null });
    expect(doc.json.openapi).toBe("3.1.0");
    const avails = doc.json.paths["/v1/avails"].get;
    expect(avails["x-role"]).toBe("viewer");
    expect(avails.parameters.map((p: { name: string }) => p.name)).toEqual([
      "start",
      "end",
      "granularity",
      "priority",
      "breakdown",
      "geo",
      "device",
      "content",
    ]);
    expect(Object.keys(avails.responses).sort()).toEqual(["200", "400", "401", "403", "429", "503"]);
    expect(avails.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/AvailsReport",
    });
    expect(doc.json.components.schemas.AvailsReport.properties.total).toBeDefined();
    expect(doc.json.components.schemas.Problem.properties.field).toBeDefined();
    expect(Object.keys(doc.json.paths).sort()).toEqual([
      "/",
      "/assets/{file}",
      "/docs",
      "/healthz",
      "/metrics",
      "/openapi.json",
      "/readyz",
      "/v1/accuracy",
      "/v1/avails",
      "/v1/campaigns",
      "/v1/campaigns/{id}",
      "/v1/campaigns/{id}/pacing",
      "/v1/events",
      "/v1/forecasts",
      "/v1/levels",
    ]);
    expect(doc.json.paths["/v1/events"].post.responses["413"]).toBeDefined();
    const page = await call("GET", "/docs", { as: null });
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain("<code>/v1/avails</code>");
    for (const status of [400, 401, 403, 404, 413, 429, 503])
      expect(page.text).toContain(`id="problem-${status}"`);
  });

  it("answers unknown routes with a 404 problem", async () => {
    expectProblem(await call("GET", "/v1/nothing"), 404, undefined, /no route GET \/v1\/nothing/);
    expectProblem(await call("GET", "/v1/campaigns/spring/pacing"), 404);
  });
});

describe("avails serve: GET /v1/avails and /v1/forecasts", () => {
  it("answers avails as avails query does: coherent over geos, and 400 problems naming the parameter", async () => {
    const total = await call("GET", `/v1/avails?${DAYS}`, { as: "viewer" });
    expect(total.status).toBe(200);
    expect(total.json.run_id).toBe("r000001");
    expect(total.json.intervals).toHaveLength(3);
    const se = await call("GET", `/v1/avails?${DAYS}&geo=se`, { as: "viewer" });
    const no = await call("GET", `/v1/avails?${DAYS}&geo=NO`, { as: "viewer" });
    expect(se.json.targeting).toEqual({ geo: ["SE"] });
    expect(se.json.total.matched.mean + no.json.total.matched.mean).toBeCloseTo(
      total.json.total.matched.mean,
      6,
    );
    const both = await call("GET", `/v1/avails?${DAYS}&geo=SE&geo=NO&granularity=hour&breakdown=true`, {
      as: "viewer",
    });
    expect(both.json.intervals).toHaveLength(72);
    expect(both.json.breakdown.map((b: { value: string }) => b.value)).toEqual(["SE", "NO"]);
    expect(both.json.total.matched.mean).toBeCloseTo(total.json.total.matched.mean, 6);

    expectProblem(await call("GET", "/v1/avails?start=2026-10-22&end=2026-10-2"), 400, "end", /YYYY-MM-DD/);
    expectProblem(await call("GET", "/v1/avails?end=2026-10-24"), 400, "start", /required/);
    expectProblem(await call("GET", `/v1/avails?${DAYS}&granularity=month`), 400, "granularity");
    expectProblem(await call("GET", `/v1/avails?${DAYS}&market=x`), 400, "market", /not a parameter/);
    expectProblem(await call("GET", `/v1/avails?${DAYS}&start=2026-10-23`), 400, "start", /more than once/);
    expectProblem(await call("GET", `/v1/avails?${DAYS}&geo=XX`), 400, "geo", /geo=XX not in the forecast/);
    expectProblem(await call("GET", `/v1/avails?${DAYS}&geo=SE,,NO`), 400, "geo");
    expectProblem(
      await call("GET", "/v1/avails?start=2026-10-22&end=2026-12-24"),
      400,
      "end",
      /past the forecast/,
    );
    expectProblem(await call("GET", `/v1/avails?${DAYS}&breakdown=maybe`), 400, "breakdown");
  });

  it("answers a series' forecast with quantiles and the actuals ingested since, and 400/404 problems", async () => {
    const result = await call("GET", `/v1/forecasts?level=geo&key=geo%3DSE&${DAYS}`, { as: "viewer" });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      run_id: "r000001",
      level: "geo",
      key: "geo=SE",
      measure: "opportunities",
    });
    for (const interval of result.json.intervals) {
      expect(interval.p025).toBeLessThanOrEqual(interval.p10);
      expect(interval.p10).toBeLessThanOrEqual(interval.p50);
      expect(interval.p50).toBeLessThanOrEqual(interval.p90);
      expect(interval.p90).toBeLessThanOrEqual(interval.p975);
      expect(interval.actual).toBeNull();
    }
    const geoSe = await call("GET", `/v1/avails?${DAYS}&geo=SE`, { as: "viewer" });
    expect(result.json.intervals[0].mean).toBeCloseTo(geoSe.json.intervals[0].matched.mean, 6);
    expectProblem(await call("GET", `/v1/forecasts?level=market&${DAYS}`), 400, "level", /not a level/);
    expectProblem(await call("GET", `/v1/forecasts?level=geo&key=geo%3DXX&${DAYS}`), 404, "key");
    expectProblem(await call("GET", `/v1/forecasts?level=geo&${DAYS}`), 404, "key", /no series "total"/);
    expectProblem(
      await call("GET", "/v1/forecasts?level=total&start=2026-10-01&end=2026-10-02"),
      400,
      "start",
    );
    expectProblem(await call("GET", `/v1/forecasts?${DAYS}`), 400, "level", /required/);
  });

  it("answers the live accuracy as avails accuracy --json does, and 400 problems naming the parameter", async () => {
    const all = await call("GET", "/v1/accuracy", { as: "viewer" });
    expect(all.status, all.text).toBe(200);
    expect(all.json.window.days).toBe(7);
    expect(Date.parse(all.json.window.closedBefore)).toBeGreaterThan(Date.parse(all.json.window.from));
    for (const list of ["cells", "days", "rollingMape", "alarms"])
      expect(Array.isArray(all.json[list])).toBe(true);
    const geo = await call("GET", "/v1/accuracy?level=geo&window=3", { as: "viewer" });
    expect(geo.json.window.days).toBe(3);
    for (const cell of geo.json.cells) expect(cell.level).toBe("geo");
    expectProblem(await call("GET", "/v1/accuracy?level=planet"), 400, "level", /"planet" is not a level/);
    expectProblem(await call("GET", "/v1/accuracy?window=0"), 400, "window");
    expectProblem(await call("GET", "/v1/accuracy?granularity=day"), 400, "granularity", /not a parameter/);
    const metrics = (await call("GET", "/metrics", { as: null })).text;
    expect(metrics).toMatch(/^avails_drift_alarms\{kind="bias"\} \d+$/m);
    expect(metrics).toMatch(/^# TYPE avails_forecast_wape gauge$/m);
    expect(metrics).toMatch(/^# TYPE avails_forecast_coverage80_standard_error gauge$/m);
    // Every cell with a standard error over its days has its gauge.
    for (const cell of all.json.cells.filter(
      (c: { coverage80StandardError: number | null }) => c.coverage80StandardError !== null,
    )) {
      expect(metrics).toContain(
        `avails_forecast_coverage80_standard_error{level="${cell.level}",horizon="${cell.horizon}"} ${cell.coverage80StandardError}`,
      );
    }
  });

  it("tags answers with the run's ETag and answers If-None-Match with 304 and no body", async () => {
    const first = await call("GET", `/v1/avails?${DAYS}&device=mobile`, { as: "viewer" });
    const etag = first.headers.get("etag") as string;
    expect(etag).toMatch(/^"r000001-[0-9a-f]{16}"$/);
    expect(first.headers.get("avails-run")).toBe("r000001");
    const again = await call("GET", `/v1/avails?${DAYS}&device=mobile`, {
      as: "viewer",
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const other = await call("GET", `/v1/avails?${DAYS}&device=desktop`, {
      as: "viewer",
      headers: { "if-none-match": etag },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });
});

describe("avails serve: POST /v1/events", () => {
  const line = (id: string, hour: string, geo = "SE", extra: object = {}) =>
    JSON.stringify({
      event_id: id,
      event_type: "opportunity",
      event_time: `2026-10-22T${hour}:10:00Z`,
      geo,
      device: "mobile",
      count: 5,
      ...extra,
    });
  const batch = [
    line("live-1", "00"),
    line("live-2", "01"),
    line("live-3", "01"),
    line("live-4", "02", "NO"),
  ].join("\n");

  it("ingests a batch once: posted twice, the second counts every row as a duplicate, and the actuals move once", async () => {
    const before = await call("GET", `/v1/forecasts?level=geo&key=geo%3DSE&${DAYS}`, { as: "viewer" });
    expect(before.json.intervals[0].actual).toBeNull();
    const first = await call("POST", "/v1/events", { body: batch, type: "application/x-ndjson" });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ rowsRead: 4, accepted: 4, duplicates: 0, quarantinedTotal: 0 });
    const after = await call("GET", `/v1/forecasts?level=geo&key=geo%3DSE&${DAYS}`, { as: "viewer" });
    expect(after.json.intervals[0].actual).toBe(15);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    const stored = (await reader.status()).events.opportunity;
    const second = await call("POST", "/v1/events", {
      body: gzipSync(batch),
      type: "application/x-ndjson",
      headers: { "content-encoding": "gzip" },
    });
    expect(second.status, second.text).toBe(200);
    expect(second.json).toMatchObject({ rowsRead: 4, accepted: 0, duplicates: 4 });
    const again = await call("GET", `/v1/forecasts?level=geo&key=geo%3DSE&${DAYS}`, { as: "viewer" });
    expect(again.json.intervals[0].actual).toBe(15);
    expect((await reader.status()).events.opportunity).toBe(stored);
  });

  it("quarantines bad rows with their line, as avails ingest does, and refuses bodies it cannot read", async () => {
    const body = [line("bad-1", "03", "SE", { count: -2 }), "{not json", line("ok-1", "03")].join("\n");
    const result = await call("POST", "/v1/events", { body, type: "application/x-ndjson" });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ rowsRead: 3, accepted: 1, quarantinedTotal: 2 });
    const quarantined = await reader.quarantine(100);
    const lines = quarantined.filter((q) => q.runId === result.json.runId).map((q) => q.line);
    expect(lines.sort()).toEqual([1, 2]);
    expectProblem(
      await call("POST", "/v1/events", { body: "", type: "application/x-ndjson" }),
      400,
      "body",
      /no events/,
    );
    expectProblem(await call("POST", "/v1/events", { body: batch, type: "text/csv" }), 415, "content-type");
    expectProblem(
      await call("POST", "/v1/events", {
        body: batch,
        type: "application/x-ndjson",
        headers: { "content-encoding": "br" },
      }),
      415,
      "content-encoding",
    );
    expectProblem(
      await call("POST", "/v1/events", {
        body: "not gzip at all",
        type: "application/x-ndjson",
        headers: { "content-encoding": "gzip" },
      }),
      400,
      "body",
    );
  });
});

describe("avails serve: campaigns", () => {
  it("books, shows, lists and removes campaigns; a booking changes the avails' booked figures and their ETag", async () => {
    const before = await call("GET", `/v1/avails?${DAYS}&geo=SE`, { as: "viewer" });
    expect(before.json.total.booked.mean).toBe(0);
    const booked = await call("POST", "/v1/campaigns", {
      as: "planner",
      body: JSON.stringify(CAMPAIGN),
      type: "application/json",
    });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.headers.get("location")).toBe("/v1/campaigns/spring");
    expect(booked.json).toMatchObject({ id: "spring", targeting: { geo: ["SE"] }, pacing: "even" });
    // The booking guard checked it against P20 of available in the live run, and it fit.
    const { booking, ...campaign } = booked.json;
    expect(booking).toMatchObject({
      decision: "accepted",
      verdict: "fits",
      run_id: "r000001",
      quantile: "p20",
    });
    expect((await call("GET", "/v1/campaigns/spring", { as: "viewer" })).json).toEqual(campaign);
    expect((await call("GET", "/v1/campaigns", { as: "viewer" })).json).toEqual([campaign]);
    const after = await call("GET", `/v1/avails?${DAYS}&geo=SE`, {
      as: "viewer",
      headers: { "if-none-match": before.headers.get("etag") as string },
    });
    expect(after.status).toBe(200);
    expect(after.json.total.booked.mean).toBeCloseTo(20_000, 3);
    expect(after.json.contending).toEqual([
      { campaign_id: "spring", priority: "guaranteed", impressions: expect.any(Number) },
    ]);

    // Its pacing, as avails pace spring --json gives it.
    const pacing = await call("GET", "/v1/campaigns/spring/pacing", { as: "viewer" });
    expect(pacing.status, pacing.text).toBe(200);
    expect(pacing.json).toMatchObject({ campaign_id: "spring", run_id: "r000001", goal: 20_000 });
    expect(pacing.json.at).toBe("2026-10-22T00:00:00.000Z");
    expect(pacing.json.throttle).toBeGreaterThanOrEqual(0);
    expect(pacing.json.throttle).toBeLessThanOrEqual(1);
    expect(["on track", "behind", "ahead", "at risk", "done"]).toContain(pacing.json.state);
    const later = await call("GET", "/v1/campaigns/spring/pacing?at=2026-10-23T12:00:00Z", { as: "viewer" });
    expect(later.json.at).toBe("2026-10-23T12:00:00.000Z");
    expectProblem(await call("GET", "/v1/campaigns/none/pacing", { as: "viewer" }), 404, "id");
    expectProblem(await call("GET", "/v1/campaigns/spring/pacing?at=soon", { as: "viewer" }), 400, "at");
    expectProblem(
      await call("GET", "/v1/campaigns/spring/pacing?window=90", { as: "viewer" }),
      400,
      "window",
    );

    // Far more than the inventory: refused with the guard's figures, nothing stored, unless forced.
    const greedy = { ...CAMPAIGN, id: "greedy", goal_impressions: 50_000_000 };
    const refused = await call("POST", "/v1/campaigns", {
      as: "planner",
      body: JSON.stringify(greedy),
      type: "application/json",
    });
    expectProblem(refused, 409, "body", /^booking refused: greedy: .*force=true books it anyway/);
    expect(refused.json.booking).toMatchObject({ decision: "refused", verdict: "short" });
    expect(refused.json.booking.shortfall).toBeGreaterThan(0);
    expect(refused.json.booking.days).toHaveLength(3);
    expectProblem(await call("GET", "/v1/campaigns/greedy", { as: "viewer" }), 404, "id");
    expectProblem(
      await call("POST", "/v1/campaigns?confidence=120", {
        as: "planner",
        body: JSON.stringify(greedy),
        type: "application/json",
      }),
      400,
      "confidence",
    );
    const forced = await call("POST", "/v1/campaigns?force=true", {
      as: "planner",
      body: JSON.stringify(greedy),
      type: "application/json",
    });
    expect(forced.status, forced.text).toBe(201);
    expect(forced.json.booking.decision).toBe("forced");
    expect((await call("DELETE", "/v1/campaigns/greedy", { as: "planner" })).status).toBe(204);

    const twice = await call("POST", "/v1/campaigns", {
      as: "planner",
      body: JSON.stringify(CAMPAIGN),
      type: "application/json",
    });
    expectProblem(twice, 409, "body.id", /already stored/);
    const goal = await call("POST", "/v1/campaigns", {
      as: "planner",
      body: JSON.stringify({ ...CAMPAIGN, id: "bad-goal", goal_impressions: 0 }),
      type: "application/json",
    });
    expectProblem(goal, 400, "body.goal_impressions", /whole number of impressions/);
    const dimension = await call("POST", "/v1/campaigns", {
      as: "planner",
      body: JSON.stringify({ ...CAMPAIGN, id: "bad-dim", targeting: { market: ["x"] } }),
      type: "application/json",
    });
    expectProblem(dimension, 400, "body.targeting", /unknown dimension "market"/);
    expectProblem(
      await call("POST", "/v1/campaigns", { as: "planner", body: "[1]", type: "application/json" }),
      400,
      "body",
    );
    expectProblem(
      await call("POST", "/v1/campaigns", { as: "planner", body: "{broken", type: "application/json" }),
      400,
      "body",
    );
    expectProblem(
      await call("GET", "/v1/campaigns/bad-goal", { as: "viewer" }),
      404,
      "id",
      /no campaign "bad-goal"/,
    );

    expect((await call("DELETE", "/v1/campaigns/spring", { as: "planner" })).status).toBe(204);
    expectProblem(await call("DELETE", "/v1/campaigns/spring", { as: "planner" }), 404, "id");
    const freed = await call("GET", `/v1/avails?${DAYS}&geo=SE`, { as: "viewer" });
    expect(freed.json.total.booked.mean).toBe(0);
  });

  it("passes every input to DuckDB as a bound parameter: values with quotes are stored and matched as text", async () => {
    const quoted = "SE' OR '1'='1";
    // Forced: the guard cannot check inventory the store does not have.
    const booked = await call("POST", "/v1/campaigns?force=true", {
      as: "planner",
      body: JSON.stringify({
        ...CAMPAIGN,
        id: "quote');DROP-TABLE-campaigns;--",
        targeting: { geo: [quoted] },
      }),
      type: "application/json",
    });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.json.targeting).toEqual({ geo: [quoted.toUpperCase()] });
    const id = encodeURIComponent("quote');DROP-TABLE-campaigns;--");
    expect((await call("GET", `/v1/campaigns/${id}`, { as: "viewer" })).json.targeting.geo).toEqual([
      quoted.toUpperCase(),
    ]);
    expectProblem(
      await call("GET", `/v1/campaigns/${encodeURIComponent("x' OR '1'='1")}`, { as: "viewer" }),
      404,
    );
    expect((await call("GET", "/v1/campaigns", { as: "viewer" })).json).toHaveLength(1);
    expectProblem(
      await call("GET", `/v1/forecasts?level=${encodeURIComponent("geo' OR 1=1 --")}&${DAYS}`),
      400,
      "level",
    );
    const event = JSON.stringify({
      event_id: "q-1",
      event_type: "opportunity",
      event_time: "2026-10-22T05:00:00Z",
      geo: "O'Brien\"; --",
      device: "mobile",
    });
    const ingested = await call("POST", "/v1/events", { body: event, type: "application/x-ndjson" });
    expect(ingested.json.accepted).toBe(1);
    const slice = await reader.cube({ level: "geo", measure: "opportunities" });
    expect(slice.keys).toContain("geo=O'BRIEN\"; --");
    expect((await call("DELETE", `/v1/campaigns/${id}`, { as: "planner" })).status).toBe(204);
    expect((await call("GET", "/v1/campaigns", { as: "viewer" })).json).toEqual([]);
  });
});

describe("avails serve: runs", () => {
  it("invalidates cached answers when a new run is published, and keeps serving the last good run after a refused and a failed run", async () => {
    // Days inside every run's horizon: the events posted above moved the watermark, and the runs' start with it.
    const path = "/v1/avails?start=2026-10-24&end=2026-10-26&geo=NO";
    const old = await call("GET", path, { as: "viewer" });
    const oldTag = old.headers.get("etag") as string;
    // Forced: the events posted above left the first hours of 2026-10-22 nearly empty, which moves the
    // forecast past the level-shift gate.
    const run = await runForecast(store, config, { ...SMALL_RUN, seed: 2, force: true });
    expect(run, run.refused.join()).toMatchObject({ runId: "r000002", published: true });
    await liveRun("r000002");
    const fresh = await call("GET", path, { as: "viewer", headers: { "if-none-match": oldTag } });
    expect(fresh.status).toBe(200);
    expect(fresh.json.run_id).toBe("r000002");
    const tag = fresh.headers.get("etag") as string;
    expect(tag).toMatch(/^"r000002-/);

    // Refused: a forecast three times as large fails the level-shift gate and is not published.
    const surge = await store.adjustments.add({
      name: "surge",
      targeting: {},
      start: "2026-10-22",
      end: "2026-10-28",
      kind: "percent",
      value: 200,
    });
    const refused = await runForecast(store, config, { ...SMALL_RUN, seed: 3 });
    expect(refused.published).toBe(false);
    expect(refused.refused[0]).toMatch(/gate failed/);
    await store.adjustments.remove(surge.id);
    // Failed: a run that died before it had a payload.
    const failed = await store.runs.recordFailure(
      { configHash: "x", seed: 4, watermark: null },
      "worker died",
    );
    expect(failed).toBe("r000004");
    await served.live.refresh();
    const ready = await call("GET", "/readyz", { as: null });
    expect(ready.json).toMatchObject({ live: "r000002", published: "r000002", error: null });
    const same = await call("GET", path, { as: "viewer", headers: { "if-none-match": tag } });
    expect(same.status).toBe(304);

    // A rollback is a publication too: the answers go back to r000001's.
    await store.runs.rollback();
    await liveRun("r000001");
    const back = await call("GET", path, { as: "viewer" });
    expect(back.json.run_id).toBe("r000001");
    expect(back.headers.get("etag")).toMatch(/^"r000001-/);
  });

  it("forecasts on schedule only when events arrived after the live run's data; a refused run keeps the last good one serving", async () => {
    const ready = await call("GET", "/readyz", { as: null });
    expect(ready.json.freshness).toMatchObject({ everyMinutes: 60, running: false });
    // Old demo data: the newest event is long past the late-data threshold, and serving goes on.
    expect(ready.json.alerts.map((a: { kind: string }) => a.kind)).toContain("late_data");
    const live = ready.json.live;
    const first = await served.freshness.tick();
    // The events posted above moved the watermark past the live run's: a run is made and put to the gates.
    expect(["published", "refused"]).toContain(first.action);
    const after = await call("GET", "/readyz", { as: null });
    expect(after.json.freshness.last).toEqual(first);
    if (first.action === "published") {
      await liveRun(first.runId);
      expect((await served.freshness.tick()).action).toBe("skipped");
    } else {
      expect(after.json.live).toBe(live);
      expect(await served.freshness.tick()).toEqual({
        action: "skipped",
        reason: "no events since the last run, which was not published",
      });
    }
    const metrics = (await call("GET", "/metrics", { as: null })).text;
    expect(metrics).toMatch(/^avails_freshness_alert\{kind="late_data"\} 1$/m);
  });

  it("exports Prometheus metrics: requests by route and status, latency histogram, saturation, watermark lag, live run age", async () => {
    const text = (await call("GET", "/metrics", { as: null })).text;
    expect(text).toMatch(
      /^avails_http_requests_total\{method="GET",route="\/v1\/avails",status="200"\} \d+$/m,
    );
    expect(text).toMatch(
      /^avails_http_requests_total\{method="POST",route="\/v1\/campaigns",status="403"\} \d+$/m,
    );
    expect(text).toMatch(
      /^avails_http_request_duration_seconds_bucket\{route="\/v1\/avails",le="\+Inf"\} \d+$/m,
    );
    expect(text).toMatch(/^avails_http_request_duration_seconds_count\{route="\/v1\/avails"\} \d+$/m);
    expect(text).toMatch(/^avails_http_requests_in_flight \d+$/m);
    expect(text).toMatch(/^avails_event_loop_delay_seconds\{quantile="0.99"\} [\d.e-]+$/m);
    expect(text).toMatch(/^avails_event_loop_utilization [\d.e-]+$/m);
    expect(text).toMatch(/^avails_data_watermark_lag_seconds \d+(\.\d+)?$/m);
    expect(text).toMatch(/^avails_live_run_age_seconds \d+(\.\d+)?$/m);
    expect(text).toMatch(/^avails_live_run_info\{run_id="r000001"\} 1$/m);
    expect(text).toMatch(/^avails_cache_requests_total\{endpoint="avails",result="hit"\} \d+$/m);
    // The name with the space after it: one family's name may begin another's (coverage80, coverage80_standard_error).
    for (const family of text.match(/^# TYPE \S+ /gm) ?? []) expect(text.split(family).length).toBe(2);
    expect(errors).toEqual([]);
  });
});

describe("avails serve: limits", () => {
  it("answers 413 past the body limit, 429 past a token's rate limit with Retry-After, and 503 with Retry-After when the event loop is overloaded", async () => {
    const strict = await createApp({
      config: parseConfig({ serve: { bodyLimitBytes: 512, maxEventLoopDelayMs: 0 } }, "test"),
      store,
      reader,
      rateLimit: 0.2,
    });
    // Shedding on its own server: on a busy machine a 50 ms limit could shed the other checks' requests.
    const shedding = await createApp({
      config: parseConfig({ serve: { maxEventLoopDelayMs: 50, rateLimit: 0 } }, "test"),
      store,
      reader,
    });
    const url = await strict.app.listen({ port: 0, host: "127.0.0.1" });
    const busy = await shedding.app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const post = (body: string, as: keyof typeof token) =>
        fetch(`${url}/v1/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${token[as]}`, "content-type": "application/x-ndjson" },
          body,
        });
      const big = await post("x".repeat(2048), "admin");
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({
        status: 413,
        field: "body",
        detail: expect.stringMatching(/512 bytes/),
      });

      const get = (as: keyof typeof token) =>
        fetch(`${url}/v1/campaigns`, { headers: { authorization: `Bearer ${token[as]}` } });
      expect((await get("viewer")).status).toBe(200);
      const limited = await get("viewer");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await limited.json()).toMatchObject({
        status: 429,
        detail: expect.stringMatching(/rate limit of 0.2/),
      });
      // The limit is per token: another token still gets through.
      expect((await get("planner")).status).toBe(200);

      // Overload: this process's event loop is blocked for 300 ms, past the 50 ms limit; the request sent
      // meanwhile is shed at once, while liveness still answers. The request's bytes are written to a connected
      // socket before the block, so the server reads them in the first turn of the loop after it: a fetch would
      // need several turns to connect and write, and the late sample's hold (20 ms) may be over by then.
      const socket = await connected(new URL(busy));
      socket.write(
        `GET /v1/avails?${DAYS} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
          `Authorization: Bearer ${token.admin}\r\nConnection: close\r\n\r\n`,
      );
      const busyUntil = performance.now() + 300;
      while (performance.now() < busyUntil) {
        // busy: the event loop is held here
      }
      const shed = await rawResponse(socket);
      expect(shed.status).toBe(503);
      expect(shed.headers.get("retry-after")).toBe("1");
      expect(JSON.parse(shed.body)).toMatchObject({
        status: 503,
        detail: expect.stringMatching(/overloaded/),
      });
      expect((await fetch(`${busy}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${busy}/metrics`)).text()).toMatch(
        /^avails_http_requests_shed_total [1-9]\d*$/m,
      );
    } finally {
      await strict.close();
      await shedding.close();
    }
  });

  it("answers 503 with Retry-After before any run is published, and 500 without a stack when the store fails", async () => {
    const empty = tempDir("avails-serve-empty-");
    const fresh = await openStore(`${empty.dir}/data`, config);
    const { token: admin } = await createToken(fresh.tokens, "admin");
    const logged: string[] = [];
    const app = await createApp({ config, store: fresh, logError: (line) => logged.push(line) });
    const url = await app.app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const headers = { authorization: `Bearer ${admin}` };
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, live: null, published: null });
      const avails = await fetch(`${url}/v1/avails?${DAYS}`, { headers });
      expect(avails.status).toBe(503);
      expect(avails.headers.get("retry-after")).toBe("60");
      expect(((await avails.json()) as { detail: string }).detail).toMatch(/no published forecast run/);
      // The store goes away under the server: a server error, told as one without its insides.
      await fresh.close();
      const broken = await fetch(`${url}/v1/campaigns`, { headers });
      expect(broken.status).toBe(500);
      const body = await broken.text();
      expect(JSON.parse(body)).toMatchObject({
        status: 500,
        detail: "internal error; the server's log has the details",
      });
      expect(body).not.toMatch(/ at |duckdb|\.ts|\.js/i);
      expect(logged).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(empty.dir, { recursive: true, force: true });
    }
  });
});

/** A TCP connection to the server at `url`, once connected. */
function connected(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Reads an HTTP/1.1 response to its end (the request asked for Connection: close): status, headers, body. */
function rawResponse(
  socket: Socket,
): Promise<{ status: number; headers: Map<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.once("error", reject);
    socket.once("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      const [statusLine, ...lines] = text.slice(0, split).split("\r\n");
      const headers = new Map<string, string>();
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      let body = text.slice(split + 4);
      // A chunked body: the JSON is the first chunk's data.
      if (headers.get("transfer-encoding") === "chunked")
        body = body.slice(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body });
    });
  });
}
