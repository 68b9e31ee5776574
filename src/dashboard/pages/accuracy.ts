import { apiGet } from "../api.js";
import { h } from "../dom.js";
import { intervalSeconds } from "../forecast-chart.js";
import { formatCount, formatPercent } from "../format.js";
import type { Page } from "../page.js";
import { type ChartData, TimeChart } from "../time-chart.js";
import type { AccuracyAnswer, AccuracyCell, AccuracyFigures } from "../types.js";
import { choice, errorBox, table } from "../ui.js";

const PALETTE = ["#1f5fbf", "#b35900", "#1a7f37", "#8250df", "#cf222e", "#0a7c86", "#6e7781"];

/**
 * Accuracy: the published runs' errors and coverage by level and horizon (a table), and by day (charts of
 * WAPE and bias per level, and of 80%/95% coverage), for a horizon bucket, with the rolling MAPE and alarms.
 *
 * @example
 * accuracyPage(root, new URLSearchParams("horizon=hours%201-24"), app);
 */
export const accuracyPage: Page = (root, params) => {
  const abort = new AbortController();
  const charts: TimeChart[] = [];
  const body = h("div", { "data-testid": "accuracy" }, h("p", { class: "muted" }, "Scoring the forecasts…"));
  root.append(
    h("h1", {}, "Accuracy"),
    h(
      "p",
      { class: "muted" },
      "How the published forecasts did on closed hours. WAPE: Σ|actual − forecast| / Σ actual. Bias: " +
        "Σ(forecast − actual) / Σ actual, positive when the forecast runs hot. Coverage: the share of actuals " +
        "inside the 80% and 95% bands (aim: 80% and 95%), ± its standard error over the days: a coverage more " +
        "than about two of those from its aim is worth a look.",
    ),
    body,
  );

  /** A coverage with its standard error over the days, in points, where there is one: "79.1% ± 2.0". */
  const withError = (value: number | null, error: number | null) =>
    value === null || error === null
      ? formatPercent(value)
      : `${formatPercent(value)} ± ${(100 * error).toFixed(1)}`;

  function cellRow(c: AccuracyCell): string[] {
    return [
      c.level,
      c.horizon,
      formatCount(c.points),
      formatCount(c.actual),
      formatPercent(c.wape),
      formatPercent(c.mape),
      c.mase === null ? "–" : c.mase.toFixed(2),
      formatPercent(c.bias, true),
      withError(c.coverage80, c.coverage80StandardError),
      withError(c.coverage95, c.coverage95StandardError),
    ];
  }

  function drawCharts(answer: AccuracyAnswer, horizon: string, box: HTMLElement) {
    for (const chart of charts.splice(0)) chart.destroy();
    const rows = answer.days.filter((d) => d.horizon === horizon);
    const days = [...new Set(rows.map((d) => d.day))].sort();
    if (days.length === 0) {
      box.replaceChildren(h("p", { class: "muted" }, `No closed days scored yet for ${horizon}.`));
      return;
    }
    box.replaceChildren();
    const levels = [...new Set(rows.map((d) => d.level))];
    const x = Float64Array.from(days, (d) => intervalSeconds(d, "day"));
    const column = (level: string, pick: (d: AccuracyFigures) => number | null) =>
      days.map((day) => {
        const row = rows.find((r) => r.level === level && r.day === day);
        return row === undefined ? null : pick(row);
      });
    const perLevel = (title: string, label: string, pick: (d: AccuracyFigures) => number | null) => {
      const el = h("div", { class: "chart" });
      box.append(el);
      const data: ChartData = [x, ...levels.map((l) => column(l, pick))];
      charts.push(
        new TimeChart(
          el,
          {
            title,
            yLabel: label,
            xLabel: "day (reporting time zone)",
            timeZone: "UTC",
            days: true,
            values: "percent",
            height: 240,
            lines: levels.map((l, i) => ({
              label: l,
              color: PALETTE[i % PALETTE.length],
              width: 2,
              points: true,
            })),
          },
          data,
        ),
      );
    };
    perLevel(`WAPE by day, ${horizon}`, "WAPE (%)", (d) => d.wape);
    perLevel(`Bias by day, ${horizon}`, "bias (%, + = forecast high)", (d) => d.bias);
    const coverageEl = h("div", { class: "chart" });
    box.append(coverageEl);
    const first = levels[0];
    charts.push(
      new TimeChart(
        coverageEl,
        {
          title: `Coverage by day, level ${first}, ${horizon}`,
          yLabel: "share inside the band (%)",
          xLabel: "day (reporting time zone)",
          timeZone: "UTC",
          days: true,
          values: "percent",
          height: 240,
          lines: [
            { label: "80% band", color: PALETTE[0], width: 2, points: true },
            { label: "95% band", color: PALETTE[1], width: 2, points: true },
          ],
        },
        [x, column(first, (d) => d.coverage80), column(first, (d) => d.coverage95)],
      ),
    );
  }

  async function load() {
    try {
      const answer = await apiGet<AccuracyAnswer>("/v1/accuracy", abort.signal);
      const horizons = [...new Set(answer.cells.map((c) => c.horizon))];
      let horizon = horizons.includes(params.get("horizon") ?? "")
        ? (params.get("horizon") as string)
        : horizons[0];
      const chartsBox = h("div", { "data-testid": "accuracy-charts" });
      body.replaceChildren(
        h(
          "section",
          { class: "card" },
          h("h2", {}, `By level and horizon, ${answer.window.from} to ${answer.window.closedBefore}`),
          h(
            "div",
            { class: "scroll" },
            table(
              [
                "level",
                "horizon",
                "points",
                "actual",
                "WAPE",
                "MAPE",
                "MASE",
                "bias",
                "cover 80%",
                "cover 95%",
              ],
              answer.cells.map(cellRow),
              [false, false, true, true, true, true, true, true, true, true],
            ),
          ),
        ),
        h(
          "section",
          { class: "card" },
          h(
            "div",
            { class: "toolbar" },
            h("h2", {}, "Over time"),
            horizons.length === 0
              ? null
              : choice("Horizon", "horizon", horizons, horizon, (value) => {
                  horizon = value;
                  history.replaceState(null, "", `#/accuracy?horizon=${encodeURIComponent(value)}`);
                  drawCharts(answer, horizon, chartsBox);
                }),
          ),
          chartsBox,
        ),
        h(
          "section",
          { class: "card" },
          h("h2", {}, "Rolling 7-day MAPE of day-ahead forecasts"),
          table(
            ["level", "MAPE", "series"],
            answer.rollingMape.map((r) => [r.level, formatPercent(r.mape), formatCount(r.series)]),
            [false, true, true],
          ),
          h("h2", {}, "Drift alarms"),
          answer.alarms.length === 0
            ? h("p", { class: "ok-text" }, "No drift alarm is firing.")
            : h("ul", { class: "alarms" }, ...answer.alarms.map((a) => h("li", {}, a.message))),
        ),
      );
      if (horizon !== undefined) drawCharts(answer, horizon, chartsBox);
    } catch (error) {
      if (!abort.signal.aborted) body.replaceChildren(errorBox(error));
    }
  }

  load();
  return () => {
    abort.abort();
    for (const chart of charts) chart.destroy();
  };
};
