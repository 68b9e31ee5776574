import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { MODEL_NAMES } from "../forecast/models/model-names.js";
import {
  collectRepeated,
  parseBacktestFlags,
  parseForecastFlags,
  type RawForecastFlags,
} from "./forecast-flags.js";

const base: RawForecastFlags = { input: "in.csv", freq: "hourly", horizon: "168", output: "out.csv" };
const backtest: RawForecastFlags = { input: "in.csv", freq: "daily", horizon: "14", windows: "3" };

describe("collectRepeated", () => {
  it("collectRepeated gathers every --level in order through commander", () => {
    const program = new Command().option("--level <percent>", "level", collectRepeated, []);
    program.parse(["--level", "95", "--level", "80"], { from: "user" });
    expect(program.opts().level).toEqual(["95", "80"]);
  });
});

describe("parseForecastFlags", () => {
  it("parseForecastFlags(flags) fills in levels 80 and 95, the frequency's seasons and model auto", () => {
    expect(parseForecastFlags(base)).toEqual({
      input: "in.csv",
      freq: "hourly",
      horizon: 168,
      levels: [80, 95],
      seasons: [24, 168],
      model: "auto",
      output: "out.csv",
      quantiles: [],
    });
    expect(parseForecastFlags({ ...base, freq: "quarterly", horizon: "8" }).seasons).toEqual([4]);
  });

  it("parseForecastFlags(flags) with quantiles only asks for no interval columns, unless --level is given", () => {
    expect(parseForecastFlags({ ...base, quantile: ["0.1", "0.9"] })).toMatchObject({
      levels: [],
      quantiles: [0.1, 0.9],
    });
    expect(parseForecastFlags({ ...base, quantile: ["0.5"], level: ["95"] })).toMatchObject({
      levels: [95],
      quantiles: [0.5],
    });
    expect(() => parseForecastFlags({ ...base, quantile: ["0.1", "0.1"] })).toThrow(
      "--quantile: 0.1 is given twice",
    );
  });

  it("parseForecastFlags(flags) keeps levels in the order given, fractional ones too", () => {
    expect(parseForecastFlags({ ...base, level: ["95", "50", "99.5"] }).levels).toEqual([95, 50, 99.5]);
  });

  it("parseForecastFlags(flags) reads --season as an ascending list, or none", () => {
    expect(parseForecastFlags({ ...base, season: "168, 24" }).seasons).toEqual([24, 168]);
    expect(parseForecastFlags({ ...base, season: "none" }).seasons).toEqual([]);
  });

  it("parseForecastFlags(flags, known) accepts a known model", () => {
    expect(parseForecastFlags({ ...base, model: "ets" }, ["auto", "ets", "theta"]).model).toBe("ets");
  });

  it("parseForecastFlags(flags) throws naming --freq, --horizon or --output", () => {
    expect(() => parseForecastFlags({ ...base, freq: "yearly" })).toThrow('--freq: "yearly" is not one of');
    for (const bad of ["0", "-1", "1.5", "ten", "", "1e3"]) {
      expect(() => parseForecastFlags({ ...base, horizon: bad }), bad).toThrow(
        `--horizon: "${bad}" is not a whole number >= 1`,
      );
    }
    expect(() => parseForecastFlags({ ...base, output: undefined })).toThrow(
      "--output: a file to write is required",
    );
    expect(() => parseForecastFlags({ ...base, output: "./in.csv" })).toThrow(
      "--output: ./in.csv is the --input file; write the forecast elsewhere",
    );
  });

  it("parseForecastFlags(flags) throws naming a level outside (0, 100) or given twice", () => {
    for (const bad of ["0", "100", "-5", "abc", "", "Infinity"]) {
      expect(() => parseForecastFlags({ ...base, level: ["80", bad] }), bad).toThrow(
        `--level: "${bad}" is not a percentage strictly between 0 and 100`,
      );
    }
    expect(() => parseForecastFlags({ ...base, level: ["80", "95", "80.0"] })).toThrow(
      "--level: 80 is given twice",
    );
  });

  it("parseForecastFlags(flags) throws naming a bad --season list", () => {
    for (const bad of ["", "1", "24,x", "24,,168", "0", "2.5", "-7"]) {
      expect(() => parseForecastFlags({ ...base, season: bad }), bad).toThrow(
        `--season: "${bad}" is not "none" or a list of whole numbers >= 2`,
      );
    }
    expect(() => parseForecastFlags({ ...base, season: "24,168,24" })).toThrow("--season: 24 is given twice");
  });

  it("parseForecastFlags(flags, known) throws naming an unknown, empty or second model", () => {
    expect(() => parseForecastFlags({ ...base, model: "prophet" }, ["auto", "ets"])).toThrow(
      '--model: "prophet" is not one of auto, ets',
    );
    expect(() => parseForecastFlags({ ...base, model: "" })).toThrow('--model: "" has an empty model name');
    expect(() => parseForecastFlags({ ...base, model: "ets,theta" })).toThrow(
      '--model: "ets,theta" names more than one model',
    );
  });
});

describe("parseBacktestFlags", () => {
  it("parseBacktestFlags(flags) reads windows and the models to compare", () => {
    expect(parseBacktestFlags({ ...backtest, models: "ets, theta,snaive" })).toEqual({
      input: "in.csv",
      freq: "daily",
      horizon: 14,
      levels: [80, 95],
      seasons: [7],
      windows: 3,
      models: ["ets", "theta", "snaive"],
    });
    expect(parseBacktestFlags(backtest).models).toEqual(["auto"]);
  });

  it("parseForecastFlags and parseBacktestFlags take ensembles of known models, written back canonically", () => {
    expect(parseForecastFlags({ ...base, model: "median(ets,theta, arima)" }, MODEL_NAMES).model).toBe(
      "median(ets, theta, arima)",
    );
    expect(parseBacktestFlags({ ...backtest, models: "ets, mean(ets,theta),naive" }).models).toEqual([
      "ets",
      "mean(ets, theta)",
      "naive",
    ]);
  });

  it("parseForecastFlags and parseBacktestFlags refuse a bad ensemble naming the flag", () => {
    expect(() => parseForecastFlags({ ...base, model: "median(ets, prophet)" }, MODEL_NAMES)).toThrow(
      '--model: "median(ets, prophet)": "prophet" is not one of auto,',
    );
    expect(() => parseForecastFlags({ ...base, model: "mean(ets)" })).toThrow(
      '--model: "mean(ets)": an ensemble needs at least two models',
    );
    expect(() => parseBacktestFlags({ ...backtest, models: "ets,mean(ets,theta" })).toThrow(
      '--models: "ets,mean(ets,theta" leaves a parenthesis open',
    );
    expect(() => parseBacktestFlags({ ...backtest, models: "mean(ets,theta),mean(ets, theta)" })).toThrow(
      "--models: mean(ets, theta) is given twice",
    );
  });

  it("parseBacktestFlags(flags) throws naming --windows or --models", () => {
    expect(() => parseBacktestFlags({ ...backtest, windows: undefined })).toThrow(
      "--windows: the number of backtest windows is required",
    );
    expect(() => parseBacktestFlags({ ...backtest, windows: "0" })).toThrow(
      '--windows: "0" is not a whole number >= 1',
    );
    expect(() => parseBacktestFlags({ ...backtest, models: "ets,ets" })).toThrow(
      "--models: ets is given twice",
    );
    expect(() => parseBacktestFlags({ ...backtest, models: "ets,," })).toThrow(
      '--models: "ets,," has an empty model name',
    );
    expect(() => parseBacktestFlags({ ...backtest, models: "ets,arima" }, ["ets", "theta"])).toThrow(
      '--models: "arima" is not one of ets, theta',
    );
  });
});
