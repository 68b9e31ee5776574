import { describe, expect, it } from "vitest";
import { formatAxisCount, formatCount, formatDuration, formatPercent } from "./format.js";

describe("dashboard formats", () => {
  it("formatCount rounds with thousands separators and shows a dash for no figure", () => {
    expect(formatCount(1234567.4)).toBe("1,234,567");
    expect(formatCount(999.5)).toBe("1,000");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(Number.NaN)).toBe("–");
    expect(formatCount(null)).toBe("–");
  });
  it("formatAxisCount is compact from 10,000", () => {
    expect(formatAxisCount(9_999)).toBe("9,999");
    expect(formatAxisCount(12_500)).toBe("12.5K");
    expect(formatAxisCount(3_100_000)).toBe("3.1M");
  });
  it("formatPercent gives one decimal, a sign when asked, and a dash for null", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(0.05, true)).toBe("+5.0%");
    expect(formatPercent(-0.05, true)).toBe("-5.0%");
    expect(formatPercent(null)).toBe("–");
  });
  it("formatDuration names the two largest units", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(720)).toBe("12 min");
    expect(formatDuration(12_000)).toBe("3 h 20 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(187_200)).toBe("2 d 4 h");
    expect(formatDuration(null)).toBe("–");
  });
});
