import { type IntervalHistogram, monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { LiveAccuracy } from "../monitor/measure-accuracy.js";
import type { FreshnessAlert } from "./freshness-alerts.js";

/** Upper bounds (seconds) of the request latency histogram's buckets. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Gauges read at scrape time: data freshness and the live run. */
export interface ScrapeGauges {
  /** Seconds from the store's watermark to now; null when the store is empty. */
  watermarkLagSeconds: number | null;
  /** Seconds since the live run was created; null when no run is live. */
  liveRunAgeSeconds: number | null;
  liveRunId: string | null;
  /** Requests shed since start. */
  shed: number;
  /** Cache hits and misses since start, by endpoint. */
  cache: Record<string, { hits: number; misses: number; size: number }>;
  /** The live accuracy by level and horizon and the drift alarms; null when nothing is scored yet. */
  accuracy?: LiveAccuracy | null;
  /** The freshness alerts firing now. */
  alerts?: readonly FreshnessAlert[];
}

interface RouteStats {
  buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * The server's Prometheus metrics: requests by method, route and status (rate and errors), a latency
 * histogram per route, requests in flight and event-loop delay and utilization (saturation), and at scrape
 * time the data's watermark lag and the live run's age. `render` writes the text exposition format 0.0.4.
 *
 * @example
 * const metrics = new ServerMetrics();
 * metrics.observe("GET", "/v1/avails", 200, 0.0021);
 * metrics.render(gauges); // "# HELP avails_http_requests_total ..."
 */
export class ServerMetrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, RouteStats>();
  private readonly loopDelay: IntervalHistogram;
  private lastUtilization = performance.eventLoopUtilization();
  inFlight = 0;

  constructor() {
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
    this.loopDelay.enable();
  }

  /** Records a finished request. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let stats = this.latency.get(route);
    if (stats === undefined) {
      stats = { buckets: new Float64Array(LATENCY_BUCKETS.length), sum: 0, count: 0 };
      this.latency.set(route, stats);
    }
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]) stats.buckets[i]++;
    stats.sum += seconds;
    stats.count++;
  }

  stop(): void {
    this.loopDelay.disable();
  }

  /** The metrics as Prometheus text; event-loop figures cover the time since the last scrape. */
  render(gauges: ScrapeGauges): string {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    family("avails_http_requests_total", "counter", "HTTP requests answered, by method, route and status.");
    for (const [key, n] of this.requests) {
      const [method, route, status] = key.split("\u0000");
      out.push(
        `avails_http_requests_total{method="${method}",route="${labelValue(route)}",status="${status}"} ${n}`,
      );
    }
    family("avails_http_request_duration_seconds", "histogram", "Time to answer a request, by route.");
    for (const [route, stats] of this.latency) {
      const r = labelValue(route);
      LATENCY_BUCKETS.forEach((le, i) => {
        out.push(`avails_http_request_duration_seconds_bucket{route="${r}",le="${le}"} ${stats.buckets[i]}`);
      });
      out.push(`avails_http_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${stats.count}`);
      out.push(`avails_http_request_duration_seconds_sum{route="${r}"} ${stats.sum}`);
      out.push(`avails_http_request_duration_seconds_count{route="${r}"} ${stats.count}`);
    }
    family("avails_http_requests_in_flight", "gauge", "Requests being answered now.");
    out.push(`avails_http_requests_in_flight ${this.inFlight}`);
    family(
      "avails_http_requests_shed_total",
      "counter",
      "Requests refused with 503 because the event loop was overloaded.",
    );
    out.push(`avails_http_requests_shed_total ${gauges.shed}`);
    family(
      "avails_event_loop_delay_seconds",
      "gauge",
      "Event-loop delay since the last scrape, by quantile.",
    );
    const delay = this.loopDelay;
    for (const q of [0.5, 0.99]) {
      const ns = delay.count > 0 ? delay.percentile(q * 100) : 0;
      out.push(`avails_event_loop_delay_seconds{quantile="${q}"} ${ns / 1e9}`);
    }
    out.push(`avails_event_loop_delay_seconds{quantile="1"} ${delay.count > 0 ? delay.max / 1e9 : 0}`);
    delay.reset();
    family(
      "avails_event_loop_utilization",
      "gauge",
      "Share of time the event loop was busy since the last scrape.",
    );
    const now = performance.eventLoopUtilization();
    out.push(
      `avails_event_loop_utilization ${performance.eventLoopUtilization(now, this.lastUtilization).utilization}`,
    );
    this.lastUtilization = now;
    family("avails_cache_requests_total", "counter", "Cached endpoints' lookups, by endpoint and result.");
    for (const [name, c] of Object.entries(gauges.cache)) {
      out.push(`avails_cache_requests_total{endpoint="${name}",result="hit"} ${c.hits}`);
      out.push(`avails_cache_requests_total{endpoint="${name}",result="miss"} ${c.misses}`);
    }
    family(
      "avails_data_watermark_lag_seconds",
      "gauge",
      "Seconds from the newest event time in the store to now.",
    );
    if (gauges.watermarkLagSeconds !== null)
      out.push(`avails_data_watermark_lag_seconds ${gauges.watermarkLagSeconds}`);
    family(
      "avails_live_run_age_seconds",
      "gauge",
      "Seconds since the forecast run being served was created.",
    );
    if (gauges.liveRunAgeSeconds !== null)
      out.push(`avails_live_run_age_seconds ${gauges.liveRunAgeSeconds}`);
    family("avails_live_run_info", "gauge", "The forecast run being served (value 1).");
    if (gauges.liveRunId !== null)
      out.push(`avails_live_run_info{run_id="${labelValue(gauges.liveRunId)}"} 1`);
    const accuracy = gauges.accuracy ?? null;
    const figureFamilies = [
      ["avails_forecast_wape", "wape", "WAPE of the published runs' forecasts over the scored window."],
      ["avails_forecast_bias", "bias", "Σ (forecast − actual) / Σ actual over the scored window."],
      ["avails_forecast_coverage80", "coverage80", "Share of actuals inside the 80% bands."],
      ["avails_forecast_coverage95", "coverage95", "Share of actuals inside the 95% bands."],
      [
        "avails_forecast_coverage80_standard_error",
        "coverage80StandardError",
        "Standard error of the 80% coverage, the days as clusters.",
      ],
      [
        "avails_forecast_coverage95_standard_error",
        "coverage95StandardError",
        "Standard error of the 95% coverage, the days as clusters.",
      ],
    ] as const;
    for (const [name, field, help] of figureFamilies) {
      family(name, "gauge", help);
      for (const cell of accuracy?.cells ?? []) {
        const value = cell[field];
        if (Number.isFinite(value)) {
          out.push(
            `${name}{level="${labelValue(cell.level)}",horizon="${labelValue(cell.horizon)}"} ${value}`,
          );
        }
      }
    }
    family("avails_drift_alarms", "gauge", "Drift alarms firing now, by kind.");
    for (const kind of ["bias", "coverage"]) {
      const count = accuracy?.alarms.filter((a) => a.kind === kind).length ?? 0;
      out.push(`avails_drift_alarms{kind="${kind}"} ${count}`);
    }
    family("avails_drift_alarm_firing", "gauge", "One firing drift alarm (value: the bias or coverage).");
    for (const alarm of accuracy?.alarms ?? []) {
      out.push(
        `avails_drift_alarm_firing{kind="${alarm.kind}",level="${labelValue(alarm.level)}",key="${labelValue(alarm.key ?? "")}"} ${alarm.value}`,
      );
    }
    family("avails_freshness_alert", "gauge", "1 while a freshness alert fires: stale_run, late_data.");
    for (const kind of ["stale_run", "late_data"]) {
      const firing = gauges.alerts?.some((alert) => alert.kind === kind) ? 1 : 0;
      out.push(`avails_freshness_alert{kind="${kind}"} ${firing}`);
    }
    family("process_resident_memory_bytes", "gauge", "Resident memory of the server process.");
    out.push(`process_resident_memory_bytes ${process.memoryUsage.rss()}`);
    return `${out.join("\n")}\n`;
  }
}

/** A label value with backslash, quote and newline escaped, as the text format asks. */
function labelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
