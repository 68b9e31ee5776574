import { type ChartData, TimeChart } from "./time-chart.js";
import type { ForecastAnswer, Granularity } from "./types.js";

const UNIT: Record<Granularity, string> = { hour: "hour", day: "day", week: "week" };

/**
 * The x value (seconds) of an interval's start: hours are instants (ISO, UTC); days and weeks are dates of the
 * reporting time zone, placed at UTC midnight and read back in UTC so the axis shows the date itself.
 *
 * @example
 * intervalSeconds("2026-10-22", "day"); // 1792627200
 */
export function intervalSeconds(start: string, granularity: Granularity): number {
  return (granularity === "hour" ? Date.parse(start) : Date.parse(`${start}T00:00:00Z`)) / 1000;
}

/**
 * A forecast answer as chart data: x, actual, mean, P10, P90, P2.5, P97.5 (Float64Arrays but the actuals,
 * which have gaps).
 *
 * @example
 * chart.setData(forecastData(answer));
 */
export function forecastData(answer: ForecastAnswer): ChartData {
  const n = answer.intervals.length;
  const x = new Float64Array(n);
  const actual: (number | null)[] = new Array(n);
  const columns = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const [mean, p10, p90, p025] = columns;
  const p975 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const interval = answer.intervals[i];
    x[i] = intervalSeconds(interval.start, answer.granularity);
    actual[i] = interval.actual;
    mean[i] = interval.mean;
    p10[i] = interval.p10;
    p90[i] = interval.p90;
    p025[i] = interval.p025;
    p975[i] = interval.p975;
  }
  return [x, actual, mean, p10, p90, p025, p975];
}

/**
 * A chart of actuals against a forecast with its 80% and 95% bands, rebuilt only when the granularity (and so
 * the axes) changes; otherwise new answers are drawn into the same chart.
 *
 * @example
 * const chart = new ForecastChart(el, "UTC");
 * chart.show(answer, "Total traffic");
 */
export class ForecastChart {
  private chart: TimeChart | null = null;
  private granularity: Granularity | null = null;

  constructor(
    private readonly parent: HTMLElement,
    private readonly timeZone: string,
  ) {}

  show(answer: ForecastAnswer, title: string): void {
    const data = forecastData(answer);
    if (this.chart !== null && this.granularity === answer.granularity) {
      const heading = this.chart.plot.root.querySelector(".u-title");
      if (heading !== null) heading.textContent = title;
      this.chart.setData(data);
      return;
    }
    this.chart?.destroy();
    this.granularity = answer.granularity;
    const unit = UNIT[answer.granularity];
    const zone = answer.granularity === "hour" ? this.timeZone : "UTC";
    this.chart = new TimeChart(
      this.parent,
      {
        title,
        yLabel: `opportunities per ${unit}`,
        xLabel: `${unit} (${this.timeZone})`,
        timeZone: zone,
        days: answer.granularity !== "hour",
        lines: [
          { label: "actual", color: "#111", width: 2, points: answer.granularity !== "hour" },
          { label: "forecast mean", color: "#1f5fbf", width: 2 },
          { label: "P10", color: "rgba(31,95,191,0.35)", width: 1 },
          { label: "P90", color: "rgba(31,95,191,0.35)", width: 1 },
          { label: "P2.5", color: "rgba(31,95,191,0.2)", width: 1, dash: [4, 4] },
          { label: "P97.5", color: "rgba(31,95,191,0.2)", width: 1, dash: [4, 4] },
        ],
        bands: [
          [3, 2, "rgba(31,95,191,0.22)"],
          [5, 4, "rgba(31,95,191,0.10)"],
        ],
      },
      data,
    );
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = null;
  }
}
