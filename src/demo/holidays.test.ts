import { describe, expect, it } from "vitest";
import { holidaysOn } from "./holidays.js";
import { MARKETS } from "./markets.js";

const ids = (geo: string, y: number, m: number, d: number) => holidaysOn(geo, y, m, d).map((h) => h.id);

describe("holidaysOn", () => {
  it("has Christmas, New Year and Black Friday in every market", () => {
    for (const { geo } of MARKETS) {
      expect(ids(geo, 2026, 12, 25)).toContain("christmas");
      expect(ids(geo, 2027, 1, 1)).toContain("new_year");
      expect(ids(geo, 2025, 11, 28)).toContain("black_friday");
      expect(ids(geo, 2026, 11, 27)).toContain("black_friday");
      expect(ids(geo, 2026, 11, 28)).not.toContain("black_friday");
    }
  });

  it("computes the market holidays by rule for any year", () => {
    expect(ids("US", 2025, 11, 27)).toEqual(["thanksgiving"]);
    expect(ids("US", 2026, 11, 26)).toEqual(["thanksgiving"]);
    expect(ids("US", 2030, 11, 28)).toEqual(["thanksgiving"]);
    expect(ids("GB", 2026, 12, 26)).toEqual(["boxing_day"]);
    expect(ids("DE", 2026, 10, 3)).toEqual(["unity_day"]);
    expect(ids("SE", 2025, 6, 20)).toEqual(["midsummer_eve"]);
    expect(ids("SE", 2026, 6, 19)).toEqual(["midsummer_eve"]);
    expect(ids("SE", 2027, 6, 25)).toEqual(["midsummer_eve"]);
    expect(ids("BR", 2026, 9, 7)).toEqual(["independence_day"]);
    expect(ids("MX", 2026, 9, 16)).toEqual(["independence_day"]);
    expect(ids("JP", 2026, 11, 3)).toEqual(["culture_day"]);
    expect(ids("AU", 2026, 1, 26)).toEqual(["australia_day"]);
    expect(ids("IN", 2026, 1, 26)).toEqual(["republic_day"]);
    expect(ids("FR", 2026, 7, 14)).toEqual(["bastille_day"]);
    expect(ids("US", 2026, 7, 14)).toEqual([]);
    expect(ids("SE", 2026, 6, 26)).toEqual([]);
  });

  it("changes traffic by device: Christmas empties offices and fills living rooms", () => {
    const [christmas] = holidaysOn("DE", 2026, 12, 25);
    expect(christmas.effect.desktop).toBeLessThan(0.8);
    expect(christmas.effect.connected_tv).toBeGreaterThan(1.1);
  });
});
