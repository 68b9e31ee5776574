import { apiGet } from "../api.js";
import { h } from "../dom.js";
import { ForecastChart } from "../forecast-chart.js";
import { formatCount, formatDuration } from "../format.js";
import { gaugeValue } from "../metrics-text.js";
import type { Page } from "../page.js";
import type { AccuracyAnswer, ForecastAnswer, Ready } from "../types.js";
import { choice, errorBox, stat } from "../ui.js";

/**
 * Overview: the live run and data freshness, total traffic against the forecast with its 80/95% bands, and
 * the drift alarms.
 *
 * @example
 * overviewPage(root, new URLSearchParams("granularity=day"), app);
 */
export const overviewPage: Page = (root, params, app) => {
  const { levels } = app;
  const abort = new AbortController();
  const total = levels.levels.find((l) => l.dimensions.length === 0) ?? levels.levels[0];
  const stats = h("div", { class: "stats", "data-testid": "freshness" }, stat("Live run", "…"));
  const chartBox = h("div", { class: "chart", "data-testid": "overview-chart" });
  const totals = h("p", { class: "muted" });
  const alarms = h("div", { "data-testid": "alarms" }, h("p", { class: "muted" }, "Loading alarms…"));
  let granularity = params.get("granularity") === "hour" ? "hour" : "day";
  const chart = new ForecastChart(chartBox, levels.time_zone);

  root.append(
    h("h1", {}, "Overview"),
    stats,
    h(
      "section",
      { class: "card" },
      h(
        "div",
        { class: "toolbar" },
        h("h2", {}, "Total traffic: actual against forecast"),
        choice("Granularity", "granularity", ["hour", "day"], granularity, (g) => {
          granularity = g;
          history.replaceState(null, "", `#/overview?granularity=${g}`);
          loadChart();
        }),
      ),
      h(
        "p",
        { class: "muted" },
        "Dark line: opportunities counted. Blue: the forecast mean, its 80% band (P10–P90, darker) and 95% band (P2.5–P97.5). Hover for values.",
      ),
      chartBox,
      totals,
    ),
    h("section", { class: "card" }, h("h2", {}, "Drift alarms"), alarms),
  );

  async function loadChart() {
    try {
      const query = new URLSearchParams({
        level: total.name,
        key: "total",
        granularity,
        start: levels.start,
        end: levels.end,
      });
      const answer = await apiGet<ForecastAnswer>(`/v1/forecasts?${query}`, abort.signal);
      chart.show(answer, `Opportunities, ${levels.start} – ${levels.end}`);
      let forecast = 0;
      let actual = 0;
      let forecastSoFar = 0;
      for (const interval of answer.intervals) {
        forecast += interval.mean;
        if (interval.actual !== null) {
          actual += interval.actual;
          forecastSoFar += interval.mean;
        }
      }
      totals.textContent =
        `Forecast over the horizon: ${formatCount(forecast)} opportunities. ` +
        (actual > 0
          ? `Counted so far: ${formatCount(actual)}, against ${formatCount(forecastSoFar)} forecast for the same intervals.`
          : "No actuals in the horizon yet.");
    } catch (error) {
      if (!abort.signal.aborted) chartBox.replaceChildren(errorBox(error));
    }
  }

  async function loadFreshness() {
    try {
      const [ready, metrics] = await Promise.all([
        apiGet<Ready>("/readyz", abort.signal),
        apiGet<string>("/metrics", abort.signal),
      ]);
      const lag = gaugeValue(metrics, "avails_data_watermark_lag_seconds");
      const age = gaugeValue(metrics, "avails_live_run_age_seconds");
      // The server's own thresholds decide (config serve.maxRunAgeHours, serve.maxWatermarkLagHours).
      const alert = (kind: string) => ready.alerts.find((a) => a.kind === kind);
      stats.replaceChildren(
        stat(
          "Live run",
          ready.live ?? "none",
          ready.error ??
            (ready.published === ready.live ? "the published run" : `published: ${ready.published}`),
          ready.error === null ? "ok" : "bad",
        ),
        stat(
          "Live run age",
          formatDuration(age),
          alert("stale_run")?.message ?? "since the run was created",
          alert("stale_run") ? "warn" : "ok",
        ),
        stat(
          "Data watermark",
          ready.watermark === null ? "no events" : ready.watermark.replace("T", " ").replace(/\.\d+Z$/, "Z"),
          `${formatDuration(lag)} behind now${alert("late_data") ? " (late)" : ""}`,
          alert("late_data") ? "warn" : "ok",
        ),
        stat("Forecast days", `${levels.start} – ${levels.end}`, `${formatCount(levels.hours)} hours`),
      );
    } catch (error) {
      if (!abort.signal.aborted) stats.replaceChildren(errorBox(error));
    }
  }

  async function loadAlarms() {
    try {
      const accuracy = await apiGet<AccuracyAnswer>("/v1/accuracy", abort.signal);
      alarms.replaceChildren(
        accuracy.alarms.length === 0
          ? h("p", { class: "ok-text" }, "No drift alarm is firing.")
          : h(
              "ul",
              { class: "alarms" },
              ...accuracy.alarms.map((a) => h("li", {}, h("strong", {}, `${a.kind}: `), a.message)),
            ),
      );
    } catch (error) {
      if (!abort.signal.aborted) alarms.replaceChildren(errorBox(error));
    }
  }

  loadFreshness();
  loadChart();
  loadAlarms();
  return () => {
    abort.abort();
    chart.destroy();
  };
};
