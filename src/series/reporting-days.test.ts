import { describe, expect, it } from "vitest";
import { reportingDays } from "./reporting-days.js";

describe("reportingDays", () => {
  it("reportingDays(start, hours, 'UTC') gives 24-hour days and each hour's day", () => {
    const r = reportingDays(Date.UTC(2026, 11, 1, 12), 36, "UTC");
    expect(r.days).toEqual(["2026-12-01", "2026-12-02"]);
    expect([...r.dayHours]).toEqual([24, 24]);
    expect(r.dayOfHour[11]).toBe(0);
    expect(r.dayOfHour[12]).toBe(1);
    expect(r.dayOfHour[35]).toBe(1);
  });

  it("reportingDays(start, hours, zone) follows local midnight and knows 23- and 25-hour days", () => {
    const spring = reportingDays(Date.UTC(2026, 2, 28, 23), 48, "Europe/Stockholm");
    expect(spring.days).toEqual(["2026-03-29", "2026-03-30", "2026-03-31"]);
    expect([...spring.dayHours]).toEqual([23, 24, 24]);
    // 23 hours of the 29th, then the 30th starts at 22:00 UTC.
    expect(spring.dayOfHour[22]).toBe(0);
    expect(spring.dayOfHour[23]).toBe(1);
    const autumn = reportingDays(Date.UTC(2026, 9, 24, 22), 30, "Europe/Stockholm");
    expect(autumn.days[0]).toBe("2026-10-25");
    expect(autumn.dayHours[0]).toBe(25);
    expect(autumn.dayOfHour[24]).toBe(0);
    expect(autumn.dayOfHour[25]).toBe(1);
  });

  it("reportingDays refuses a negative hour count and a non-finite start", () => {
    expect(() => reportingDays(0, -1, "UTC")).toThrow("hours -1 is not a count");
    expect(() => reportingDays(Number.NaN, 1, "UTC")).toThrow("start NaN is not an instant");
  });
});
