import { describe, expect, it } from "vitest";
import { canonicalModelSpec, parseModelSpec, splitModelList } from "./model-spec.js";

describe("parseModelSpec", () => {
  it("parseModelSpec(name) returns a known model by name, trimmed", () => {
    expect(parseModelSpec(" theta ")).toEqual({ kind: "model", name: "theta" });
  });

  it("parseModelSpec(mean(...) or median(...)) returns an ensemble of the named members in order", () => {
    expect(parseModelSpec("median(ets, theta,arima)")).toEqual({
      kind: "ensemble",
      how: "median",
      members: ["ets", "theta", "arima"],
    });
    expect(parseModelSpec("mean (snaive, naive)")).toEqual({
      kind: "ensemble",
      how: "mean",
      members: ["snaive", "naive"],
    });
  });

  it("parseModelSpec(text, label, known) checks the members against the known names", () => {
    expect(parseModelSpec("mean(a, b)", "--model", ["a", "b"])).toEqual({
      kind: "ensemble",
      how: "mean",
      members: ["a", "b"],
    });
    expect(() => parseModelSpec("mean(a, c)", "--model", ["a", "b"])).toThrow(
      '--model: "mean(a, c)": "c" is not one of a, b',
    );
  });

  it("parseModelSpec(bad) throws saying what is wrong, under the given label", () => {
    const cases: [string, string][] = [
      ["", '--model: "" has an empty model name'],
      ["prophecy", '--model: "prophecy" is not one of auto, ets,'],
      ["median(ets, theta", '--model: "median(ets, theta" leaves a parenthesis open'],
      ["mean(ets, theta) x", '--model: "mean(ets, theta) x" has text after its closing parenthesis'],
      ["max(ets, theta)", '--model: "max(ets, theta)" is not an ensemble: write mean(a, b, ...) or median'],
      ["ets,theta", '--model: "ets,theta" is not an ensemble'],
      ["mean(ets)", '--model: "mean(ets)": an ensemble needs at least two models'],
      ["mean()", '--model: "mean()" has an empty member'],
      ["median(ets,,theta)", '--model: "median(ets,,theta)" has an empty member'],
      ["median(ets, ets)", '--model: "median(ets, ets)": "ets" is given twice'],
      [
        "mean(ets, median(theta, naive))",
        '--model: "mean(ets, median(theta, naive))": ensembles do not nest',
      ],
      ["mean(ets, prophet)", '--model: "mean(ets, prophet)": "prophet" is not one of auto,'],
    ];
    for (const [text, message] of cases) expect(() => parseModelSpec(text, "--model")).toThrow(message);
  });
});

describe("canonicalModelSpec", () => {
  it("canonicalModelSpec(spec) writes names as they are and ensembles as how(a, b)", () => {
    expect(canonicalModelSpec(parseModelSpec("ets"))).toBe("ets");
    expect(canonicalModelSpec(parseModelSpec("median( ets ,theta )"))).toBe("median(ets, theta)");
  });
});

describe("splitModelList", () => {
  it("splitModelList(text) splits at the commas outside parentheses, trimmed", () => {
    expect(splitModelList("ets, median(ets, theta),naive")).toEqual(["ets", "median(ets, theta)", "naive"]);
    expect(splitModelList("auto")).toEqual(["auto"]);
    expect(splitModelList("ets,,theta")).toEqual(["ets", "", "theta"]);
  });

  it("splitModelList(text) throws when the parentheses do not balance", () => {
    expect(() => splitModelList("ets, mean(ets, theta", "--models")).toThrow(
      '--models: "ets, mean(ets, theta" leaves a parenthesis open',
    );
    expect(() => splitModelList("ets), theta")).toThrow(
      'models: "ets), theta" closes a parenthesis it did not open',
    );
  });
});
