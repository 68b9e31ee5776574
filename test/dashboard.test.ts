import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/load-config.js";
import { createApp, type ServeApp } from "../src/serve/create-app.js";
import { createToken } from "../src/serve/tokens.js";
import { openStore } from "../src/store/duckdb-store.js";
import type { Store } from "../src/store/store.js";
import { tempDir } from "./helpers.js";
import { DEVICES, GEOS, HISTORY_DAYS, HISTORY_START, smallStore } from "./serve-store.js";

// The dashboard built by Vite from src/dashboard into a temporary folder, served by createApp over the small
// store (2 geos × 2 devices, run r000001 forecasting 2026-10-22 to 2026-10-28) with a campaign booked and two
// days of actuals posted, and driven in Debian's Chromium through playwright-core.
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = resolve(import.meta.dirname, "../test-output/dashboard");
const ROOT = resolve(import.meta.dirname, "..");

let dir: string;
let cleanup: () => void;
let store: Store;
let reader: Store;
let served: ServeApp;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const token = { viewer: "", planner: "", admin: "" };
/** Console errors and uncaught exceptions of the main page. */
const consoleErrors: string[] = [];

async function api(path: string, as: keyof typeof token = "viewer", init: RequestInit = {}) {
  const response = await fetch(base + path, {
    ...init,
    headers: { authorization: `Bearer ${token[as]}`, ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : null };
}

/** Opportunities for the first two forecast days, so the charts have actuals against the forecast. */
function liveLines(): string {
  const lines: string[] = [];
  const first = HISTORY_START + HISTORY_DAYS * 86_400_000;
  for (let h = 0; h < 48; h++) {
    for (const [g, geo] of GEOS.entries()) {
      for (const [d, device] of DEVICES.entries()) {
        const daily = 1 + 0.6 * Math.sin((((h % 24) - 6) / 24) * 2 * Math.PI);
        lines.push(
          JSON.stringify({
            event_id: `live-${h}-${geo}-${device}`,
            event_type: "opportunity",
            event_time: new Date(first + h * 3_600_000 + 120_000).toISOString(),
            geo,
            device,
            count: Math.round((220 + 100 * g + 60 * d) * daily),
          }),
        );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Pixels of a chart's canvas: how many are drawn at all, and how many (and from which to which x) in the
 * given line colours (the forecast's blue #1f5fbf by default) — a uPlot canvas always has its axes, so only a
 * line's colour proves a series drew.
 */
async function canvasPixels(target: Page, selector: string, ...colours: number[][]) {
  const rgbs = colours.length === 0 ? [[31, 95, 191]] : colours;
  return (await target.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(`${selector} canvas`)});
    if (canvas === null) return null;
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    let line = 0;
    let left = Infinity;
    let right = -Infinity;
    const colours = ${JSON.stringify(rgbs)};
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      drawn++;
      if (data[i + 3] > 200 && colours.some(([r, g, b]) => Math.abs(data[i] - r) < 16 && Math.abs(data[i + 1] - g) < 16 && Math.abs(data[i + 2] - b) < 16)) {
        line++;
        const x = (i / 4) % canvas.width;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
    return { drawn, line, left, right, width: canvas.width, height: canvas.height };
  })()`)) as {
    drawn: number;
    line: number;
    left: number;
    right: number;
    width: number;
    height: number;
  } | null;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(target: Page, value: string): Promise<void> {
  await target.goto(`${base}/`);
  await target.fill("#token", value);
  await target.click("button[type=submit]");
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the dashboard is tested in Debian's Chromium; install it with ` +
        "`apt-get install -y chromium` (.ci/run does)",
    );
  }
  ({ dir, cleanup } = tempDir("avails-dashboard-"));
  const dashboardDir = join(dir, "dashboard");
  await build({
    configFile: join(ROOT, "vite.dashboard.config.ts"),
    logLevel: "error",
    build: { outDir: dashboardDir, emptyOutDir: true },
  });
  const config = parseConfig({ serve: { maxEventLoopDelayMs: 0, rateLimit: 0 } }, "test");
  store = await smallStore(dir, config);
  for (const role of ["viewer", "planner", "admin"] as const)
    token[role] = (await createToken(store.tokens, role)).token;
  reader = await openStore(`${dir}/data`, config, { readOnly: true });
  served = await createApp({ config, store, reader, dashboardDir });
  base = await served.app.listen({ port: 0, host: "127.0.0.1" });
  const posted = await api("/v1/events", "admin", {
    method: "POST",
    body: liveLines(),
    headers: { "content-type": "application/x-ndjson" },
  });
  if (posted.status !== 200) throw new Error(`posting events: ${posted.text}`);
  const booked = await api("/v1/campaigns", "planner", {
    method: "POST",
    body: JSON.stringify({
      id: "spring",
      name: "Spring sale",
      targeting: { geo: ["SE"] },
      start: "2026-10-22",
      end: "2026-10-26",
      goal_impressions: 20_000,
      priority: "guaranteed",
    }),
    headers: { "content-type": "application/json" },
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.text}`);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await signIn(page, token.viewer);
  await page.waitForSelector("nav a[data-page=overview]");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await reader?.close();
  await store?.close();
  cleanup?.();
});

describe("dashboard: served by avails serve", () => {
  it("serves the page at / without a token, its hashed assets for good, and 404 problems for anything else", async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await index.text();
    const script = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toMatch(/immutable/);
    const missing = await fetch(`${base}/assets/nothing.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { detail: string }).detail).toMatch(/no dashboard asset "nothing.js"/);
    const outside = await fetch(`${base}/assets/..%2Fpackage.json`);
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { field: string }).field).toBe("file");
  });

  it("answers / with a 404 problem saying how to build when the dashboard is not built", async () => {
    const { dir: empty, cleanup: done } = tempDir("avails-nodash-");
    const bare = await createApp({
      config: parseConfig({ serve: { maxEventLoopDelayMs: 0 } }, "test"),
      store: reader,
      dashboardDir: empty,
    });
    try {
      const response = await bare.app.inject({ method: "GET", url: "/" });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json().detail).toMatch(/dashboard is not built .* run `npm run build`/);
    } finally {
      await bare.close();
      done();
    }
  });

  it("GET /v1/levels lists the live run's levels, keys, dimension values and whole days, for viewers only", async () => {
    const levels = await api("/v1/levels");
    expect(levels.status, levels.text).toBe(200);
    expect(levels.json).toMatchObject({
      run_id: "r000001",
      time_zone: "UTC",
      first_hour: "2026-10-22T00:00:00.000Z",
      hours: 168,
      start: "2026-10-22",
      end: "2026-10-28",
      dimensions: [
        { name: "geo", values: ["NO", "SE"] },
        { name: "device", values: ["desktop", "mobile"] },
      ],
    });
    expect(levels.json.levels.map((l: { name: string }) => l.name)).toEqual([
      "total",
      "geo",
      "device",
      "geo_device",
    ]);
    expect(levels.json.levels[1].keys).toEqual(["geo=NO", "geo=SE"]);
    expect(levels.json.levels[3].keys).toHaveLength(4);
    // Every key it lists is one /v1/forecasts answers for, and its days are ones it takes.
    const forecast = await api(
      `/v1/forecasts?level=geo_device&key=${encodeURIComponent(levels.json.levels[3].keys[0])}&start=${levels.json.start}&end=${levels.json.end}`,
    );
    expect(forecast.status, forecast.text).toBe(200);
    expect(forecast.json.intervals).toHaveLength(7);
    const anonymous = await fetch(`${base}/v1/levels`);
    expect(anonymous.status).toBe(401);
    const extra = await api("/v1/levels?level=geo");
    expect(extra.status).toBe(400);
    expect(extra.json.field).toBe("level");
    const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(openapi.paths["/v1/levels"].get["x-role"]).toBe("viewer");
  });
});

describe("dashboard: in Chromium", () => {
  it("Overview shows the live run, freshness, alarms and total traffic against the forecast on a drawn chart", async () => {
    await page.goto(`${base}/#/overview?granularity=hour`);
    await page.waitForSelector("[data-testid=overview-chart] canvas");
    await page.waitForSelector("[data-testid=freshness] .stat-value >> text=r000001");
    await page.waitForSelector("[data-testid=alarms] >> text=/No drift alarm|bias|coverage/");
    const pixels = await canvasPixels(page, "[data-testid=overview-chart]");
    expect(pixels).not.toBeNull();
    expect(pixels?.line).toBeGreaterThan(200);
    // Actuals of the two days posted: the same sums the API gives, with thousands separators.
    const answer = await api(
      "/v1/forecasts?level=total&key=total&granularity=hour&start=2026-10-22&end=2026-10-28",
    );
    let actual = 0;
    for (const interval of answer.json.intervals) actual += interval.actual ?? 0;
    expect(actual).toBeGreaterThan(1000);
    await page.waitForSelector(`text=Counted so far: ${Math.round(actual).toLocaleString("en-US")}`);
    const watermark = await page.textContent("[data-testid=freshness]");
    expect(watermark).toMatch(/2026-10-23 23:02:00Z/);
    // The test store's data is weeks old: the server's late_data alert colours the watermark and says so.
    expect(watermark).toMatch(/behind now \(late\)/);
    expect(await page.getAttribute("[data-testid=freshness] .stat:nth-child(3)", "class")).toMatch(/warn/);
    await shot("overview");
  });

  it("Explore draws any level and key by hour, day or week, and keeps the choice in the address", async () => {
    await page.goto(`${base}/#/explore?level=geo&key=geo%3DNO&granularity=hour`);
    await page.waitForSelector("[data-testid=explore-chart] canvas");
    await page.waitForSelector("[data-testid=explore-chart] .u-title >> text=geo=NO (geo)");
    expect((await canvasPixels(page, "[data-testid=explore-chart]"))?.line).toBeGreaterThan(200);
    await page.selectOption("#level", "geo_device");
    await page.waitForSelector("[data-testid=explore-chart] .u-title >> text=(geo_device)");
    const keys = await page.$$eval("#key option", (options) => options.map((o) => o.getAttribute("value")));
    expect(keys).toHaveLength(4);
    await page.selectOption("#granularity", "week");
    await page.waitForSelector("[data-testid=explore-chart] .u-legend >> text=actual");
    expect(page.url()).toMatch(/level=geo_device/);
    expect(page.url()).toMatch(/granularity=week/);
    expect((await canvasPixels(page, "[data-testid=explore-chart]"))?.line).toBeGreaterThan(20);
    await page.selectOption("#granularity", "day");
    await shot("explore");
  });

  it("Avails answers the form with the same numbers as GET /v1/avails for the same query, and the contending campaign", async () => {
    await page.goto(`${base}/#/avails`);
    await page.fill("#start", "2026-10-22");
    await page.fill("#end", "2026-10-25");
    await page.check("input[name=geo][value=SE]");
    await page.click("#avails-form button[type=submit]");
    await page.waitForSelector("[data-testid=avails-result] table");
    const query = page.url().split("?")[1];
    expect(query).toBe("start=2026-10-22&end=2026-10-25&granularity=day&priority=guaranteed&geo=SE");
    const report = (await api(`/v1/avails?${query}`)).json;
    const shown = (await page.$$eval("[data-figure]", (cells) =>
      cells.map((c) => [
        c.getAttribute("data-row"),
        c.getAttribute("data-figure"),
        c.getAttribute("data-stat"),
        c.textContent,
      ]),
    )) as [string, string, string, string][];
    expect(shown).toHaveLength((report.intervals.length + 1) * 16);
    for (const [row, figure, stat, text] of shown) {
      const figures = row === "total" ? report.total : report.intervals[Number(row)];
      expect(text, `${row} ${figure} ${stat}`).toBe(
        Math.round(figures[figure][stat]).toLocaleString("en-US"),
      );
    }
    expect(report.total.booked.mean).toBeGreaterThan(0);
    expect(report.contending.map((c: { campaign_id: string }) => c.campaign_id)).toEqual(["spring"]);
    expect(await page.textContent("[data-testid=contending]")).toMatch(/spring/);
    expect((await canvasPixels(page, "[data-testid=avails-chart]", [26, 127, 55]))?.line).toBeGreaterThan(50);
    await shot("avails");
  });

  it("Campaigns shows each campaign's pacing as GET /v1/campaigns/:id/pacing gives it", async () => {
    await page.goto(`${base}/#/campaigns`);
    await page.waitForSelector("[data-testid=campaigns] table");
    const pacing = (await api("/v1/campaigns/spring/pacing")).json;
    const row = (await page.textContent("[data-testid=campaigns] tbody tr")) ?? "";
    expect(row).toContain("Spring sale");
    expect(row).toContain("20,000");
    expect(row).toContain(Math.round(pacing.projected.mean).toLocaleString("en-US"));
    expect(await page.getAttribute("[data-testid=campaigns] [data-state]", "data-state")).toBe(pacing.state);
    await shot("campaigns");
  });

  it("Accuracy shows errors and coverage by level and horizon as GET /v1/accuracy gives them", async () => {
    await page.goto(`${base}/#/accuracy`);
    await page.waitForSelector("[data-testid=accuracy] table");
    const accuracy = (await api("/v1/accuracy")).json;
    const rows = await page.$$eval("[data-testid=accuracy] section:first-child tbody tr", (r) => r.length);
    expect(rows).toBe(accuracy.cells.length);
    expect(rows).toBeGreaterThan(0);
    // The coverages carry their standard error over the days where the API gives one.
    const firstRow = await page.$$eval(
      "[data-testid=accuracy] section:first-child tbody tr:first-child td",
      (cells) => cells.map((cell) => cell.textContent ?? ""),
    );
    const se = accuracy.cells[0].coverage80StandardError;
    expect(firstRow.at(-2)).toMatch(se === null ? /^\d+\.\d%$/ : /^\d+\.\d% ± \d+\.\d$/);
    // One scored day: its points sit in the middle of a two-day axis, not at the edge of one spanning years.
    const days = new Set(accuracy.days.map((d: { day: string }) => d.day));
    await page.waitForSelector("[data-testid=accuracy-charts] canvas");
    // The levels' colours (total, geo, device, geo_device): their points may fall on each other.
    const wape = await canvasPixels(
      page,
      "[data-testid=accuracy-charts]",
      [31, 95, 191],
      [179, 89, 0],
      [26, 127, 55],
      [130, 80, 223],
    );
    expect(wape?.line).toBeGreaterThan(0);
    if (days.size === 1 && wape !== null) {
      expect((wape.left + wape.right) / 2 / wape.width).toBeGreaterThan(0.4);
      expect((wape.left + wape.right) / 2 / wape.width).toBeLessThan(0.6);
    }
    await shot("accuracy");
  });

  it("draws a chart of 10,000 points", async () => {
    await page.goto(`${base}/#/chart-check?points=10000`);
    await page.waitForSelector("[data-testid=check-result][data-points='10000']");
    expect((await canvasPixels(page, "[data-testid=check-chart]"))?.line).toBeGreaterThan(1000);
    await shot("chart-check");
  });

  it("loaded every page without console errors", () => {
    expect(consoleErrors).toEqual([]);
  });

  it("asks again for a refused token, and shows the API's problem for bad avails input", async () => {
    const other = await context.newPage();
    try {
      await signIn(other, "avails_00000000_wrong");
      await other.waitForSelector("[role=alert] >> text=The server refused that token");
      expect(await other.isVisible("#token")).toBe(true);
      await other.fill("#token", token.viewer);
      await other.click("button[type=submit]");
      await other.goto(`${base}/#/avails?start=2026-10-25&end=2026-10-22`);
      await other.waitForSelector("[data-testid=avails-result] [role=alert]");
      expect(await other.textContent("[data-testid=avails-result] [role=alert]")).toMatch(/^end: /);
    } finally {
      await other.close();
    }
  });
});
