import { describe, expect, test } from "vitest";
import { parseSeriesKey } from "./parse-series-key.js";

describe("parseSeriesKey(key)", () => {
  test("splits dim=value pairs in order, total has none", () => {
    expect(parseSeriesKey("geo=SE|device=mobile")).toEqual([
      ["geo", "SE"],
      ["device", "mobile"],
    ]);
    expect(parseSeriesKey("total")).toEqual([]);
    expect(parseSeriesKey("geo=a=b")).toEqual([["geo", "a=b"]]);
  });

  test("rejects malformed keys and repeated dimensions, naming the parameter", () => {
    expect(() => parseSeriesKey("geo", "leafKeys[2]")).toThrow('leafKeys[2]: "geo" is not of the form');
    expect(() => parseSeriesKey("=SE")).toThrow("key:");
    expect(() => parseSeriesKey("geo=SE|geo=NO")).toThrow("names geo twice");
  });
});
