import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cli, tempDir } from "./helpers.js";

const { dir, cleanup } = tempDir("avails-forecast-cli-");
afterAll(cleanup);

function day(i: number): string {
  return new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/** Weekly-seasonal daily counts with a trend, deterministic: a pseudo-random wobble from a sine. */
function weekly(id: string, days: number, level: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < days; i++) {
    const week = [1.0, 1.1, 1.15, 1.2, 1.3, 0.8, 0.7][i % 7];
    const y = Math.round(level * week * (1 + i / 500) + 20 * Math.sin(i * 12.9898));
    rows.push(`${id},${day(i)},${y}`);
  }
  return rows;
}

function write(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("avails forecast --input", () => {
  const rows = [...weekly("SE", 120, 1000), ...weekly("NO", 120, 400)];
  // The rows may come in any order and columns in any order.
  const input = write("daily.csv", [
    "y,unique_id,ds",
    ...rows.reverse().map((r) => {
      const [id, ds, y] = r.split(",");
      return `${y},${id},${ds}`;
    }),
  ]);

  test("writes unique_id,ds,mean,lo-80,hi-80,lo-95,hi-95,model for every series and step", async () => {
    const output = join(dir, "out.csv");
    const result = await cli([
      "forecast",
      "--input",
      input,
      "--freq",
      "daily",
      "--horizon",
      "14",
      "--output",
      output,
    ]);
    expect(result.stderr).toContain("wrote 2 series × 14 steps (auto)");
    expect(result.code).toBe(0);
    const lines = readFileSync(output, "utf8").trim().split("\n");
    expect(lines[0]).toBe("unique_id,ds,mean,lo-80,hi-80,lo-95,hi-95,model");
    expect(lines).toHaveLength(1 + 2 * 14);
    // Series come out in the order they first appear in the input.
    expect(lines[1].startsWith(`NO,${day(120)},`)).toBe(true);
    expect(lines[14].startsWith(`NO,${day(133)},`)).toBe(true);
    expect(lines[15].startsWith(`SE,${day(120)},`)).toBe(true);
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const [mean, lo80, hi80, lo95, hi95] = cells.slice(2, 7).map(Number);
      expect(lo95).toBeLessThanOrEqual(lo80);
      expect(lo80).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThanOrEqual(hi80);
      expect(hi80).toBeLessThanOrEqual(hi95);
      expect(lo95).toBeGreaterThanOrEqual(0);
      expect(line).toMatch(/,"?auto: /);
    }
  });

  test("--model and repeated --level choose the model and the interval columns", async () => {
    const output = join(dir, "snaive.csv");
    const result = await cli([
      "forecast",
      ...["--input", input, "--freq", "daily", "--horizon", "7", "--model", "snaive"],
      ...["--level", "50", "--level", "90", "--output", output],
    ]);
    expect(result.code).toBe(0);
    const lines = readFileSync(output, "utf8").trim().split("\n");
    expect(lines[0]).toBe("unique_id,ds,mean,lo-50,hi-50,lo-90,hi-90,model");
    // The seasonal naive forecast repeats the last week.
    const lastWeekNo = weekly("NO", 120, 400)
      .slice(113)
      .map((r) => r.split(",")[2]);
    expect(lines.slice(1, 8).map((l) => l.split(",")[2])).toEqual(lastWeekNo);
    expect(lines[1].endsWith(",SeasonalNaive(7)")).toBe(true);
  });

  test("--quantile adds q columns read off the intervals: P10 and P90 are the 80% bounds, P50 the mean", async () => {
    const output = join(dir, "quantiles.csv");
    const result = await cli([
      "forecast",
      ...["--input", input, "--freq", "daily", "--horizon", "7", "--model", "theta"],
      ...["--level", "80", "--quantile", "0.1", "--quantile", "0.5", "--quantile", "0.9", "--output", output],
    ]);
    expect(result.code).toBe(0);
    const lines = readFileSync(output, "utf8").trim().split("\n");
    expect(lines[0]).toBe("unique_id,ds,mean,lo-80,hi-80,q-0.1,q-0.5,q-0.9,model");
    for (const line of lines.slice(1)) {
      const [mean, lo80, hi80, p10, p50, p90] = line.split(",").slice(2, 8).map(Number);
      expect([p10, p50, p90]).toEqual([lo80, mean, hi80]);
    }
    const bad = await cli([
      "forecast",
      "--input",
      input,
      "--freq",
      "daily",
      "--horizon",
      "7",
      "--quantile",
      "50",
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--quantile: "50" is not a probability strictly between 0 and 1');
  });

  test("gaps are imputed with a warning naming the series", async () => {
    const gappy = weekly("G", 90, 500).filter((_, i) => i !== 40 && i !== 41);
    const path = write("gappy.csv", ["unique_id,ds,y", ...gappy]);
    const output = join(dir, "gappy-out.csv");
    const result = await cli([
      "forecast",
      "--input",
      path,
      "--freq",
      "daily",
      "--horizon",
      "7",
      "--output",
      output,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: series "G": imputed 2 missing values of 90');
  });

  test("a constant series gets its constant and a warning", async () => {
    const path = write("flat.csv", [
      "unique_id,ds,y",
      ...Array.from({ length: 30 }, (_, i) => `F,${day(i)},5`),
    ]);
    const output = join(dir, "flat-out.csv");
    const result = await cli([
      "forecast",
      "--input",
      path,
      "--freq",
      "daily",
      "--horizon",
      "3",
      "--output",
      output,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('series "F": constant series');
    expect(readFileSync(output, "utf8").split("\n")[1]).toMatch(new RegExp(`^F,${day(30)},5,5,5,5,5,`));
  });

  test("a series with no observation is skipped with a warning; the others are written", async () => {
    const path = write("empty.csv", [
      "unique_id,ds,y",
      "E,2026-01-01,NA",
      "E,2026-01-02,",
      ...weekly("W", 60, 100),
    ]);
    const output = join(dir, "empty-out.csv");
    const result = await cli([
      "forecast",
      "--input",
      path,
      "--freq",
      "daily",
      "--horizon",
      "3",
      "--output",
      output,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: series "E": no observations (every y is missing), skipped');
    const ids = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(ids).toEqual(["W", "W", "W"]);
  });

  const bad: [string, string[], string][] = [
    ["a missing column", ["unique_id,ds", "a,2026-01-01"], ":1: no y column in the header"],
    ["an unparseable date", ["unique_id,ds,y", "a,2026-01-01,1", "a,2026-01-0x,2"], ":3:"],
    ["an unparseable number", ["unique_id,ds,y", "a,2026-01-01,1", "a,2026-01-02,lots"], ":3:"],
    [
      "a duplicate timestamp",
      ["unique_id,ds,y", "a,2026-01-01,1", "a,2026-01-02,2", "a,2026-01-02,3"],
      ":4:",
    ],
  ];
  for (const [what, lines, named] of bad) {
    test(`${what} is an error naming the line or column, and no output is written`, async () => {
      const path = write(`bad-${what.replaceAll(" ", "-")}.csv`, lines);
      const output = join(dir, `bad-${what.replaceAll(" ", "-")}-out.csv`);
      const result = await cli([
        "forecast",
        "--input",
        path,
        "--freq",
        "daily",
        "--horizon",
        "3",
        "--output",
        output,
      ]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^avails: /);
      expect(result.stderr).toContain(named);
      expect(() => readFileSync(output)).toThrow();
    });
  }

  test("irregular spacing is an error naming the line", async () => {
    const path = write("irregular.csv", [
      "unique_id,ds,y",
      "h,2026-01-01 00:00:00,1",
      "h,2026-01-01 01:00:00,2",
      "h,2026-01-01 02:30:00,3",
      "h,2026-01-01 03:00:00,4",
    ]);
    const result = await cli([
      "forecast",
      "--input",
      path,
      "--freq",
      "hourly",
      "--horizon",
      "3",
      "--output",
      join(dir, "x.csv"),
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(":4:");
  });

  test("--model median(a, b, c) writes the step-by-step median of its members, named in the model column", async () => {
    const args = ["forecast", "--input", input, "--freq", "daily", "--horizon", "7"];
    const paths = { median: join(dir, "median.csv"), snaive: join(dir, "m-snaive.csv") };
    const median = await cli([
      ...args,
      "--model",
      "median(snaive, naive, window_average)",
      "--output",
      paths.median,
    ]);
    expect(median.code).toBe(0);
    expect(median.stderr).toContain("(median(snaive, naive, window_average))");
    const members: string[][][] = [];
    for (const name of ["snaive", "naive", "window_average"]) {
      const path = join(dir, `m-${name}.csv`);
      expect((await cli([...args, "--model", name, "--output", path])).code).toBe(0);
      members.push(
        readFileSync(path, "utf8")
          .trim()
          .split("\n")
          .slice(1)
          .map((line) => line.split(",")),
      );
    }
    const lines = readFileSync(paths.median, "utf8").trim().split("\n").slice(1);
    expect(lines).toHaveLength(2 * 7);
    lines.forEach((line, i) => {
      const cells = line.split(",");
      const means = members.map((rows) => Number(rows[i][2])).sort((a, b) => a - b);
      expect(Number(cells[2])).toBeCloseTo(means[1], 6);
      expect(line).toMatch(/,"?median\(SeasonalNaive\(7\), /);
    });
  });

  test("a bad ensemble is refused saying what is wrong, and nothing is written", async () => {
    const output = join(dir, "bad-ensemble.csv");
    const base = ["forecast", "--input", input, "--freq", "daily", "--horizon", "3", "--output", output];
    const open = await cli([...base, "--model", "median(ets, theta"]);
    expect(open.code).not.toBe(0);
    expect(open.stderr).toContain('--model: "median(ets, theta" leaves a parenthesis open');
    const single = await cli([...base, "--model", "mean(ets)"]);
    expect(single.code).not.toBe(0);
    expect(single.stderr).toContain('--model: "mean(ets)": an ensemble needs at least two models');
    expect(() => readFileSync(output)).toThrow();
  });

  test("an unknown model, a bad horizon or a missing output is refused naming the flag", async () => {
    const base = ["forecast", "--input", input, "--freq", "daily"];
    const unknown = await cli([
      ...base,
      "--horizon",
      "3",
      "--model",
      "prophecy",
      "--output",
      join(dir, "u.csv"),
    ]);
    expect(unknown.stderr).toContain('--model: "prophecy" is not one of auto,');
    const horizon = await cli([...base, "--horizon", "0", "--output", join(dir, "h.csv")]);
    expect(horizon.stderr).toContain("--horizon");
    const output = await cli([...base, "--horizon", "3"]);
    expect(output.stderr).toContain("--output");
    for (const result of [unknown, horizon, output]) expect(result.code).not.toBe(0);
  });
});

describe("avails backtest", () => {
  const input = write("backtest.csv", [
    "unique_id,ds,y",
    ...weekly("SE", 120, 1000),
    ...weekly("NO", 120, 400),
  ]);

  test("--json prints accuracy and coverage per model over every series and window", async () => {
    const result = await cli([
      "backtest",
      ...["--input", input, "--freq", "daily", "--horizon", "7", "--windows", "3"],
      ...["--models", "snaive,naive", "--json"],
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ series: 2, horizon: 7, windows: 3, seasons: [7] });
    const [snaive, naive] = summary.models;
    expect(snaive.model).toBe("snaive");
    expect(naive.model).toBe("naive");
    // Weekly data: the seasonal naive model beats the naive one.
    expect(snaive.mase).toBeLessThan(naive.mase);
    expect(snaive.chosen).toEqual({ "SeasonalNaive(7)": 6 });
    // Each model against the lowest MASE, fold by fold: the best has none.
    expect(snaive.againstBest).toBeNull();
    expect(naive.againstBest).toMatchObject({ model: "snaive", count: 6 });
    expect(naive.againstBest.meanDifference).toBeCloseTo(naive.mase - snaive.mase, 12);
    expect(naive.againstBest.aBetter + naive.againstBest.bBetter).toBeLessThanOrEqual(6);
    for (const model of summary.models) {
      expect(Object.keys(model.coverage)).toEqual(["80", "95"]);
      expect(model.coverage["95"]).toBeGreaterThanOrEqual(model.coverage["80"]);
      // Six folds (two series, three windows): each coverage has a standard error over them.
      expect(Object.keys(model.coverageStandardError)).toEqual(["80", "95"]);
      for (const se of Object.values(model.coverageStandardError)) expect(se).toBeGreaterThanOrEqual(0);
    }
  });

  test("--models compares ensembles beside single models", async () => {
    const result = await cli([
      "backtest",
      ...["--input", input, "--freq", "daily", "--horizon", "7", "--windows", "3"],
      ...["--models", "snaive,mean(snaive, naive)", "--json"],
    ]);
    expect(result.code).toBe(0);
    const [snaive, mean] = JSON.parse(result.stdout).models;
    expect(mean.model).toBe("mean(snaive, naive)");
    expect(mean.mase).toBeGreaterThan(0);
    expect(mean.mase).not.toBe(snaive.mase);
  });

  test("prints a table by default, and refuses too few points for the windows", async () => {
    const args = (windows: string, ...more: string[]) => [
      ...["backtest", "--input", input, "--freq", "daily", "--horizon", "7", "--windows", windows],
      ...more,
    ];
    const table = await cli(args("2"));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("2 series, 2 windows of 7 steps, seasons 7");
    expect(table.stdout).toMatch(/\nauto\s+\d/);
    expect(table.stdout).toMatch(/\nauto(\s+\S+){4}\s+\d\.\d{3}±\d\.\d{3}\s+\d\.\d{3}±\d\.\d{3}\s/);
    const two = await cli(args("3", "--models", "snaive,naive"));
    expect(two.code).toBe(0);
    expect(two.stdout).toMatch(
      /\nnaive against snaive \(lowest MASE\), fold by fold: MASE \+\d\.\d{3} per fold, t = -?\d+\.\d{2} over 6 folds \((within chance|beyond chance at 5%)\), better on \d\n/,
    );
    expect(two.stdout).not.toContain("snaive against");
    const tooMany = await cli(args("20"));
    expect(tooMany.code).not.toBe(0);
    expect(tooMany.stderr).toContain(
      "--windows: 20 windows of 7 need series of more than 140 points; the longest has 120",
    );
  });

  test("skips a series too short for the windows with a warning naming it, and backtests the others", async () => {
    const mixed = write("backtest-young.csv", [
      "unique_id,ds,y",
      ...weekly("SE", 120, 1000),
      ...weekly("young", 20, 50),
    ]);
    const result = await cli([
      "backtest",
      ...["--input", mixed, "--freq", "daily", "--horizon", "7", "--windows", "3"],
      ...["--models", "snaive", "--json"],
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: series "young": 20 points leave no training data for 3 windows of 7, skipped',
    );
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ series: 1, skipped: 1 });
    expect(summary.models[0].chosen).toEqual({ "SeasonalNaive(7)": 3 });
  });
});
