import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import { parseAdjustmentFlags } from "./adjustment-flags.js";

const config = parseConfig({}, "test");
const base = { targeting: "geo=SE", start: "2026-12-01", end: "2026-12-24", percent: "15" };

describe("parseAdjustmentFlags", () => {
  it("parseAdjustmentFlags(flags) normalises values by the dimension's case and names the adjustment", () => {
    expect(parseAdjustmentFlags({ ...base, targeting: "geo=se+no,device=Mobile" }, config)).toEqual({
      name: "geo=SE+NO,device=mobile +15%",
      targeting: { geo: ["SE", "NO"], device: ["mobile"] },
      start: "2026-12-01",
      end: "2026-12-24",
      kind: "percent",
      value: 15,
    });
  });

  it("parseAdjustmentFlags(flags) takes a daily volume, a name, repeated dimensions and no targeting (all)", () => {
    const spec = parseAdjustmentFlags(
      {
        targeting: "geo=SE,geo=NO,geo=SE",
        start: "2026-12-01",
        end: "2026-12-01",
        dailyVolume: "5e4",
        name: "X",
      },
      config,
    );
    expect(spec).toMatchObject({
      name: "X",
      targeting: { geo: ["SE", "NO"] },
      kind: "daily_volume",
      value: 50_000,
    });
    const all = parseAdjustmentFlags({ start: "2026-12-01", end: "2026-12-02", percent: "-20" }, config);
    expect(all).toMatchObject({ name: "all -20%", targeting: {} });
  });

  it("parseAdjustmentFlags refuses bad input, naming the flag", () => {
    const cases: [object, string][] = [
      [{ start: "2026-13-01" }, '--start: "2026-13-01" is not a date (YYYY-MM-DD)'],
      [{ end: "2026-02-29" }, '--end: "2026-02-29" is not a date'],
      [{ start: undefined }, "--start: required"],
      [{ end: "2026-11-30" }, "--end: 2026-11-30 is before --start 2026-12-01"],
      [
        { targeting: "market=SE" },
        '--targeting: unknown dimension "market" (configured: geo, device, content)',
      ],
      [{ targeting: "geo" }, '--targeting: "geo" needs a value after geo='],
      [{ targeting: "geo=SE+" }, '--targeting: "geo=SE+" needs a value'],
      [{ targeting: "=SE" }, '--targeting: "=SE" is not dimension=value'],
      [{ dailyVolume: "100" }, "--percent and --daily-volume: give one of them, not both"],
      [{ percent: undefined }, "--percent or --daily-volume: give one"],
      [{ percent: "-100" }, "--percent: -100 would take the forecast to zero or below"],
      [{ percent: "15%" }, '--percent: "15%" is not a number'],
      [{ percent: undefined, dailyVolume: "-1" }, "--daily-volume: -1 is negative"],
      [{ percent: undefined, dailyVolume: "Infinity" }, '--daily-volume: "Infinity" is not a number'],
      [{ name: " " }, "--name: empty"],
    ];
    for (const [flags, message] of cases) {
      expect(() => parseAdjustmentFlags({ ...base, ...flags }, config), message).toThrow(message);
    }
  });
});
