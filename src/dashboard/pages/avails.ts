import { apiGet } from "../api.js";
import { h } from "../dom.js";
import { intervalSeconds } from "../forecast-chart.js";
import { formatCount } from "../format.js";
import type { Page } from "../page.js";
import { TimeChart } from "../time-chart.js";
import { type AvailsReport, FIGURES, type Figures, type Granularity } from "../types.js";
import { errorBox, table } from "../ui.js";

const STATS = ["mean", "p10", "p50", "p90"] as const;
const STAT_LABEL = { mean: "mean", p10: "P10", p50: "P50", p90: "P90" };

/**
 * Avails: a targeting and date form asking GET /v1/avails; shows matched, booked, available and possible
 * (mean, P10, P50, P90) per interval and in total, a chart of available with its P10–P90 band, and the
 * contending campaigns. The query is kept in the address.
 *
 * @example
 * availsPage(root, new URLSearchParams("start=2026-12-01&end=2026-12-07&geo=SE"), app);
 */
export const availsPage: Page = (root, params, app) => {
  const { levels } = app;
  const abort = new AbortController();
  let chart: TimeChart | null = null;
  let chartGranularity: Granularity | null = null;
  const defaultEnd = new Date(Date.parse(`${levels.start}T00:00:00Z`) + 6 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const field = (label: string, control: HTMLElement) =>
    h("label", { class: "field" }, h("span", {}, label), control);
  const start = h("input", {
    id: "start",
    name: "start",
    type: "date",
    required: true,
    min: levels.start,
    max: levels.end,
    value: params.get("start") ?? levels.start,
  });
  const end = h("input", {
    id: "end",
    name: "end",
    type: "date",
    required: true,
    min: levels.start,
    max: levels.end,
    // ISO dates sort as text: the earlier of a week in and the forecast's last day.
    value: params.get("end") ?? [defaultEnd, levels.end].sort()[0],
  });
  const granularity = h(
    "select",
    { id: "granularity", name: "granularity" },
    ...["day", "week", "hour"].map((g) =>
      h("option", { value: g, selected: params.get("granularity") === g }, g),
    ),
  );
  const priority = h(
    "select",
    { id: "priority", name: "priority" },
    ...["guaranteed", "standard", "house"].map((p) =>
      h("option", { value: p, selected: params.get("priority") === p }, p),
    ),
  );
  const dimensions = levels.dimensions.map((d) => {
    const chosen = new Set((params.get(d.name) ?? "").split(",").filter((v) => v !== ""));
    return {
      name: d.name,
      box: h(
        "fieldset",
        { class: "values" },
        h("legend", {}, `${d.name} (none ticked: all)`),
        ...d.values.map((v) =>
          h(
            "label",
            { class: "check" },
            h("input", { type: "checkbox", name: d.name, value: v, checked: chosen.has(v) }),
            v,
          ),
        ),
      ),
    };
  });
  const form = h(
    "form",
    { class: "card form", id: "avails-form" },
    h(
      "div",
      { class: "toolbar" },
      field("First day", start),
      field("Last day", end),
      field("Granularity", granularity),
      field("Booking priority", priority),
    ),
    h("div", { class: "toolbar" }, ...dimensions.map((d) => d.box)),
    h("button", { type: "submit" }, "Get avails"),
  );
  const result = h("div", { "data-testid": "avails-result" });
  const chartBox = h("div", { class: "chart", "data-testid": "avails-chart" });
  root.append(
    h("h1", {}, "Avails"),
    h(
      "p",
      { class: "muted" },
      "Matched: forecast opportunities the targeting matches. Booked: what booked campaigns take of them. " +
        "Available: matched minus booked. Possible: what a new booking at this priority could get. " +
        "Mean and P10/P50/P90 of the forecast's sample paths; book against P10 to be safe.",
    ),
    form,
    h("section", { class: "card" }, chartBox, result),
  );

  function query(): URLSearchParams {
    const q = new URLSearchParams({
      start: start.value,
      end: end.value,
      granularity: granularity.value,
      priority: priority.value,
    });
    for (const d of dimensions) {
      const values = [...d.box.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
      if (values.length > 0) q.set(d.name, values.join(","));
    }
    return q;
  }

  const figureRow = (label: string, figures: Figures, index: string) => [
    label,
    ...FIGURES.flatMap((f) =>
      STATS.map((s) =>
        h("span", { "data-figure": f, "data-stat": s, "data-row": index }, formatCount(figures[f][s])),
      ),
    ),
  ];

  function show(report: AvailsReport) {
    const headers = [
      "interval",
      ...FIGURES.flatMap((f) =>
        STATS.map((s) => h("span", { title: `${f} ${STAT_LABEL[s]}` }, STAT_LABEL[s])),
      ),
    ];
    const numeric = [false, ...FIGURES.flatMap(() => STATS.map(() => true))];
    const rows = report.intervals.map((interval, i) =>
      figureRow(
        interval.start === interval.end ? interval.start : `${interval.start} – ${interval.end}`,
        interval,
        String(i),
      ),
    );
    rows.push(figureRow("total", report.total, "total"));
    const grid = table(headers, rows, numeric);
    grid.classList.add("figures");
    // A first header row names each figure over its four columns.
    grid.tHead?.prepend(
      h(
        "tr",
        {},
        h("th", {}, ""),
        ...FIGURES.map((f) => h("th", { colspan: STATS.length, class: "group" }, f)),
      ),
    );
    grid.tBodies[0].rows[rows.length - 1].classList.add("total");
    const targeting = Object.entries(report.targeting)
      .map(([d, v]) => `${d} = ${v.join(", ")}`)
      .join("; ");
    result.replaceChildren(
      h(
        "p",
        {},
        h("strong", {}, "Available (mean) in total: "),
        h("span", { "data-testid": "available-total" }, formatCount(report.total.available.mean)),
        ` impressions, ${report.start} – ${report.end}, ${targeting || "all traffic"}, ${report.priority} priority (run ${report.run_id}).`,
      ),
      h("div", { class: "scroll" }, grid),
      h("h2", {}, "Contending campaigns"),
      report.contending.length === 0
        ? h(
            "p",
            { class: "muted", "data-testid": "contending" },
            "No booked campaign competes for this supply.",
          )
        : h(
            "div",
            { "data-testid": "contending" },
            table(
              ["campaign", "priority", "impressions it takes here"],
              report.contending.map((c) => [c.campaign_id, c.priority, formatCount(c.impressions)]),
              [false, false, true],
            ),
          ),
    );
    const n = report.intervals.length;
    const x = new Float64Array(n);
    const series = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    for (let i = 0; i < n; i++) {
      const interval = report.intervals[i];
      x[i] = intervalSeconds(interval.start, report.granularity);
      series[0][i] = interval.available.mean;
      series[1][i] = interval.available.p10;
      series[2][i] = interval.available.p90;
      series[3][i] = interval.booked.mean;
    }
    if (chart !== null && chartGranularity === report.granularity) {
      chart.setData([x, ...series]);
      return;
    }
    chart?.destroy();
    chartGranularity = report.granularity;
    chart = new TimeChart(
      chartBox,
      {
        title: "Available impressions",
        yLabel: `impressions per ${report.granularity}`,
        xLabel: `${report.granularity} (${levels.time_zone})`,
        timeZone: report.granularity === "hour" ? levels.time_zone : "UTC",
        days: report.granularity !== "hour",
        lines: [
          { label: "available mean", color: "#1a7f37", width: 2, points: report.granularity !== "hour" },
          { label: "available P10", color: "rgba(26,127,55,0.4)", width: 1 },
          { label: "available P90", color: "rgba(26,127,55,0.4)", width: 1 },
          { label: "booked mean", color: "#b35900", width: 2, dash: [6, 3] },
        ],
        bands: [[2, 1, "rgba(26,127,55,0.18)"]],
        height: 260,
      },
      [x, ...series],
    );
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = query();
    history.replaceState(null, "", `#/avails?${q}`);
    result.replaceChildren(h("p", { class: "muted" }, "Asking…"));
    try {
      show(await apiGet<AvailsReport>(`/v1/avails?${q}`, abort.signal));
    } catch (error) {
      if (!abort.signal.aborted) result.replaceChildren(errorBox(error));
    }
  });
  if (params.has("start")) form.requestSubmit();
  return () => {
    abort.abort();
    chart?.destroy();
  };
};
