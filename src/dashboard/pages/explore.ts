import { apiGet } from "../api.js";
import { h } from "../dom.js";
import { ForecastChart } from "../forecast-chart.js";
import { formatCount } from "../format.js";
import type { Page } from "../page.js";
import type { ForecastAnswer, Granularity } from "../types.js";
import { choice, errorBox } from "../ui.js";

/**
 * Explore: any level and series key of the live run, by hour, day or week, over any of its days; the choice
 * is kept in the address, so a view can be bookmarked or shared.
 *
 * @example
 * explorePage(root, new URLSearchParams("level=geo&key=geo%3DSE&granularity=week"), app);
 */
export const explorePage: Page = (root, params, app) => {
  const { levels } = app;
  const abort = new AbortController();
  const state = {
    level: levels.levels.find((l) => l.name === params.get("level"))?.name ?? levels.levels[0].name,
    key: params.get("key") ?? "",
    granularity: (["hour", "day", "week"].includes(params.get("granularity") ?? "")
      ? params.get("granularity")
      : "day") as Granularity,
    start: params.get("start") ?? levels.start,
    end: params.get("end") ?? levels.end,
  };
  const keysOf = (level: string) => levels.levels.find((l) => l.name === level)?.keys ?? [];
  if (!keysOf(state.level).includes(state.key)) state.key = keysOf(state.level)[0] ?? "total";

  const chartBox = h("div", { class: "chart", "data-testid": "explore-chart" });
  const message = h("div", {});
  const summary = h("p", { class: "muted" });
  const keyField = h("span", {});
  const chart = new ForecastChart(chartBox, levels.time_zone);
  const date = (id: "start" | "end", label: string) => {
    const input = h("input", { id, type: "date", value: state[id], min: levels.start, max: levels.end });
    input.addEventListener("change", () => {
      state[id] = input.value;
      load();
    });
    return h("label", { class: "field" }, h("span", {}, label), input);
  };
  const drawKeys = () =>
    keyField.replaceChildren(
      choice("Series", "key", keysOf(state.level), state.key, (k) => {
        state.key = k;
        load();
      }),
    );
  drawKeys();

  root.append(
    h("h1", {}, "Explore"),
    h(
      "section",
      { class: "card" },
      h(
        "div",
        { class: "toolbar" },
        choice(
          "Level",
          "level",
          levels.levels.map((l) => l.name),
          state.level,
          (level) => {
            state.level = level;
            state.key = keysOf(level)[0] ?? "total";
            drawKeys();
            load();
          },
        ),
        keyField,
        choice("Granularity", "granularity", ["hour", "day", "week"], state.granularity, (g) => {
          state.granularity = g as Granularity;
          load();
        }),
        date("start", "From"),
        date("end", "To"),
      ),
      message,
      chartBox,
      summary,
    ),
  );

  async function load() {
    const query = new URLSearchParams(state);
    history.replaceState(null, "", `#/explore?${query}`);
    message.replaceChildren();
    try {
      const answer = await apiGet<ForecastAnswer>(`/v1/forecasts?${query}`, abort.signal);
      chart.show(answer, `${answer.key} (${answer.level}), ${state.start} – ${state.end}`);
      let mean = 0;
      for (const interval of answer.intervals) mean += interval.mean;
      summary.textContent = `${formatCount(answer.intervals.length)} intervals; forecast total ${formatCount(mean)} opportunities.`;
    } catch (error) {
      if (!abort.signal.aborted) message.replaceChildren(errorBox(error));
    }
  }

  load();
  return () => {
    abort.abort();
    chart.destroy();
  };
};
