import { describe, expect, it } from "vitest";
import { monitorSchema } from "../config/schema.js";
import { driftAlarms } from "./drift-alarms.js";
import { type Row, scoredRows } from "./test-rows.js";

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);
// Coverage alarms need more hours than these tests have, except where a test asks for them.
const monitor = monitorSchema.parse({ driftHours: 4, driftMinVolume: 100, coverageMinHours: 1000 });
const coverageMonitor = { ...monitor, coverageMinHours: 4 };

/** Hourly rows of one series over hours [0, hours) from T0. */
function hoursOf(key: string, hours: number, mean: number, actual: number, extra: Partial<Row> = {}): Row[] {
  return Array.from({ length: hours }, (_, t) => ({
    level: "geo",
    key,
    hour: T0 + t * H,
    mean,
    actual,
    ...extra,
  }));
}

describe("driftAlarms(rows, monitor)", () => {
  it("raises a bias alarm for a series over the threshold in the last driftHours, naming it and the direction", () => {
    const rows = scoredRows(
      [...hoursOf("geo=NO", 8, 100, 100), ...hoursOf("geo=SE", 8, 80, 100)].sort(byHour),
    );
    const alarms = driftAlarms(rows, monitor);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ kind: "bias", level: "geo", key: "geo=SE", hours: 4 });
    expect(alarms[0].value).toBeCloseTo(-0.2, 12);
    expect(alarms[0].message).toMatch(/geo=SE: forecast 20.0% under the actuals over the last 4 hours/);
  });

  it("looks only at the last driftHours scored: an old miss raises nothing", () => {
    const rows = scoredRows([...hoursOf("geo=SE", 4, 50, 100), ...hoursOf("geo=SE", 8, 100, 100).slice(4)]);
    expect(driftAlarms(rows, monitor)).toEqual([]);
  });

  it("stays quiet below driftMinVolume: small series are too noisy to judge", () => {
    const rows = scoredRows(hoursOf("geo=IS", 8, 40, 20));
    expect(driftAlarms(rows, monitor)).toEqual([]);
  });

  it("judges each hour by the freshest run that forecast it", () => {
    // Run 1 was 50% over; run 2, the later one, is right: no alarm.
    const rows: Row[] = [];
    for (let t = 0; t < 4; t++) {
      rows.push({
        run: 1,
        level: "geo",
        key: "geo=SE",
        hour: T0 + t * H,
        step: t + 10,
        mean: 150,
        actual: 100,
      });
      rows.push({ run: 2, level: "geo", key: "geo=SE", hour: T0 + t * H, step: t, mean: 100, actual: 100 });
    }
    expect(driftAlarms(scoredRows(rows), monitor)).toEqual([]);
    const reversed = rows.map((r) => ({ ...r, mean: r.run === 2 ? 150 : 100 }));
    expect(driftAlarms(scoredRows(reversed), monitor)[0].value).toBeCloseTo(0.5, 12);
  });

  it("raises a coverage alarm for a level whose hourly 80% bands cover outside the band", () => {
    const narrow = hoursOf("geo=SE", 8, 100, 100, { lo80: 101, hi80: 102 });
    const alarms = driftAlarms(scoredRows(narrow), coverageMonitor);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ kind: "coverage", level: "geo", key: null, value: 0, hours: 8 });
    // Too few hours to judge.
    expect(driftAlarms(scoredRows(narrow.slice(0, 3)), coverageMonitor)).toEqual([]);
    // Inside the band: 4 of 5 hours covered.
    const fine = hoursOf("geo=SE", 5, 100, 100, { lo80: 90, hi80: 110 });
    fine[0] = { ...fine[0], actual: 200 };
    expect(driftAlarms(scoredRows(fine), { ...coverageMonitor, driftMinVolume: 1e9 })).toEqual([]);
  });
});

function byHour(a: Row, b: Row): number {
  return a.hour - b.hour || (a.key ?? "").localeCompare(b.key ?? "");
}
