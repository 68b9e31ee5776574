import { h } from "../dom.js";
import { formatCount } from "../format.js";
import type { Page } from "../page.js";
import { TimeChart } from "../time-chart.js";

/**
 * Chart check (#/chart-check?points=10000): draws a chart of N hourly points (a daily cycle with a band
 * around it) with the dashboard's own chart, and says how long the first draw took in this browser.
 *
 * @example
 * chartCheckPage(root, new URLSearchParams("points=10000"), app);
 */
export const chartCheckPage: Page = (root, params) => {
  const n = Math.min(1_000_000, Math.max(2, Math.floor(Number(params.get("points") ?? 10_000)) || 10_000));
  const x = new Float64Array(n);
  const mean = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const start = Date.UTC(2026, 0, 1) / 1000;
  for (let i = 0; i < n; i++) {
    x[i] = start + i * 3600;
    mean[i] = 1000 + 600 * Math.sin(((i % 24) / 24) * 2 * Math.PI) + 200 * Math.sin(i / 500);
    lower[i] = mean[i] * 0.85;
    upper[i] = mean[i] * 1.15;
  }
  const box = h("div", { class: "chart", "data-testid": "check-chart" });
  const result = h("p", { "data-testid": "check-result" });
  root.append(h("h1", {}, "Chart check"), h("section", { class: "card" }, box, result));
  const began = performance.now();
  const chart = new TimeChart(
    box,
    {
      title: `${formatCount(n)} hourly points`,
      yLabel: "opportunities per hour",
      xLabel: "hour (UTC)",
      timeZone: "UTC",
      lines: [
        { label: "mean", color: "#1f5fbf", width: 1.5 },
        { label: "lower", color: "rgba(31,95,191,0.35)", width: 1 },
        { label: "upper", color: "rgba(31,95,191,0.35)", width: 1 },
      ],
      bands: [[2, 1, "rgba(31,95,191,0.2)"]],
      onDraw: () => {
        if (result.dataset.points !== undefined) return;
        const drawn = performance.now() - began;
        result.dataset.points = String(n);
        result.textContent = `${formatCount(n)} points drawn in ${drawn.toFixed(0)} ms.`;
      },
    },
    [x, mean, lower, upper],
  );
  return () => chart.destroy();
};
