import { describe, expect, test } from "vitest";
import { eventAdjusted } from "../../forecast/event-adjusted.js";
import { autoEts } from "../../forecast/models/ets/ets.js";
import { TestRandom } from "../../forecast/test-models.js";
import { DAY_MS, isoDate } from "../civil-date.js";
import { calendarEvents } from "./calendar-events.js";
import { eventRegressors } from "./event-regressors.js";

const WEEKLY = [0.7, 1, 1.05, 1.1, 1.1, 1.05, 0.8];
const EFFECTS: Record<string, number> = { good_friday: 0.75, easter_monday: 0.8, christmas: 0.6 };

describe("calendar to forecast", () => {
  test("German holidays from the calendar, as regressors, move an ETS forecast over Easter by their learned effects", () => {
    const first = Date.UTC(2023, 0, 1);
    const n = (Date.UTC(2026, 2, 23) - first) / DAY_MS;
    const horizon = 21;
    const events = calendarEvents("DE", isoDate(first / DAY_MS), isoDate(first / DAY_MS + n + horizon - 1));
    const effectOn = new Map(events.map((e) => [e.start, EFFECTS[e.id] ?? 0.7]));
    const random = new TestRandom(3);
    const expected = new Float64Array(n + horizon);
    const y = new Float64Array(n);
    for (let t = 0; t < n + horizon; t++) {
      const date = isoDate(first / DAY_MS + t);
      const weekday = new Date(first + t * DAY_MS).getUTCDay();
      expected[t] = 5000 * (1 + 0.0001 * t) * WEEKLY[weekday] * (effectOn.get(date) ?? 1);
      if (t < n) y[t] = expected[t] * Math.exp(0.04 * random.normal());
    }
    const span = { grid: { freq: "daily", anchor: 0, phase: 0 } as const, start: first, history: n, horizon };
    const { names, xreg } = eventRegressors(events, span);
    expect(names).toContain("good_friday");
    expect(names).toContain("easter_monday");
    const forecast = eventAdjusted(autoEts).forecast(y, { horizon, levels: [80], seasons: [7], xreg });
    for (const date of ["2026-04-03", "2026-04-06", "2026-04-07"]) {
      const j = (Date.parse(date) - first) / DAY_MS - n;
      expect(Math.abs(forecast.mean[j] / expected[n + j] - 1), date).toBeLessThan(0.1);
    }
  });
});
