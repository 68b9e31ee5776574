// node bench/forecast/band-chance.js — how often an interval of exactly the right width would land its coverage
// inside the band (80 ± 3 and 95 ± 2 points) on each data set of the last bench:forecast run, given how far
// that set's coverage strays by chance. A band narrower than the chance spread of a set's coverage cannot tell a
// calibrated method from a miscalibrated one there: meeting it on every set is then mostly luck.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bands: coverage within 3 points of 80% and within 2 points of 95%. */
export const BANDS = [
  { level: 0.8, halfWidth: 0.03, key: "80" },
  { level: 0.95, halfWidth: 0.02, key: "95" },
];

/**
 * The standard normal distribution function, from the complementary error function's rational approximation of
 * Abramowitz & Stegun (1964), 7.1.26 (absolute error below 1.5e-7, ample for chances given to the percent).
 *
 * @example
 * normalCdf(1.96); // 0.975
 */
export function normalCdf(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const tail = 0.5 * poly * Math.exp(-x * x);
  return z >= 0 ? 1 - tail : tail;
}

/**
 * The chance spread of a calibrated method's coverage at `level` on a set, from the spread measured on the model's
 * own coverage `covered` with standard error `standardError` (both fractions): the clustered error carries how much
 * the test points of a window miss together (its design effect), which holds for any method, and the binomial part
 * is moved from `covered` to `level`, what a calibrated method would cover. A covered share of 0 or 1 carries no
 * design effect; the binomial error over `points` is the floor then.
 *
 * @example
 * calibratedStandardError(0.9125, 0.0419, 0.8, 80); // the classic quarterly set at 80%: about 0.059
 */
export function calibratedStandardError(covered, standardError, level, points) {
  const binomial = (p) => Math.sqrt((p * (1 - p)) / points);
  const atLevel = binomial(level);
  if (!(covered > 0 && covered < 1) || !Number.isFinite(standardError)) return atLevel;
  return Math.max(atLevel, (standardError / binomial(covered)) * atLevel);
}

/**
 * For the row of `model` on every set of `results` (bench:forecast's results.json) that has it with coverage
 * standard errors: at each level of `BANDS`, the coverage, the calibrated standard error (the smaller of the two
 * clustered ones, windows and dates, so that the chance is if anything overstated), how many such errors the
 * coverage is from its level, and the chance that a calibrated method lands inside the band there,
 * 2 Φ(halfWidth / se) - 1.
 *
 * @example
 * for (const r of bandChances(results, "avails auto")) console.log(r.set, r.levels[0].chance);
 */
export function bandChances(results, model) {
  const rows = [];
  for (const [set, setRows] of Object.entries(results)) {
    if (!Array.isArray(setRows)) continue;
    const row = setRows.find((r) => r.model === model);
    // The test points, cases times horizon, as the comparison with the best peer counted them.
    const points = results.againstBestPeer?.[set]?.points;
    if (row === undefined || !Number.isFinite(row.coverageSE80) || !(points > 0)) continue;
    const levels = BANDS.map(({ level, halfWidth, key }) => {
      const covered = row[`coverage${key}`];
      const measured = Math.min(
        row[`coverageSE${key}`],
        row[`coverageDatesSE${key}`] ?? Number.POSITIVE_INFINITY,
      );
      const se = calibratedStandardError(covered, measured, level, points);
      return {
        level,
        covered,
        standardError: se,
        z: (covered - level) / se,
        inBand: Math.abs(covered - level) <= halfWidth + 1e-9,
        chance: 2 * normalCdf(halfWidth / se) - 1,
      };
    });
    rows.push({ set, points, levels });
  }
  return rows;
}

/**
 * `bandChances` as a Markdown table, with the chance that a calibrated method meets both bands on every set, and on
 * the issue's own sets (those not held out), were the sets independent. A bound: the two levels of a set miss
 * together, so their joint chance is at most the smaller one's, which the product takes.
 *
 * @example
 * console.log(formatBandChances(bandChances(results, "avails auto"), "avails auto"));
 */
export function formatBandChances(rows, model) {
  const pct = (x) => (100 * x).toFixed(1);
  const lines = [
    `### ${model}'s coverage against the issue's bands, and the chance that a calibrated method lands in them\n`,
    "| data set | test points | coverage 80 | se | z | chance in 80 ± 3 | coverage 95 | se | z | chance in 95 ± 2 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { set, points, levels } of rows) {
    const cells = levels.map(
      (l) =>
        `${l.inBand ? "" : "**"}${pct(l.covered)}${l.inBand ? "" : "**"} | ${pct(l.standardError)} | ` +
        `${l.z >= 0 ? "+" : ""}${l.z.toFixed(1)} | ${Math.round(100 * l.chance)}%`,
    );
    lines.push(`| ${set} | ${points} | ${cells.join(" | ")} |`);
  }
  const everyBand = (some) => some.reduce((all, r) => all * Math.min(...r.levels.map((l) => l.chance)), 1);
  const own = rows.filter((r) => !r.set.startsWith("held-out"));
  lines.push(
    "",
    "Coverage in bold is outside its band; se is the standard error of a calibrated method's coverage there, and z " +
      "the coverage's distance from its level in such errors (the smaller of the two clustered errors is taken, so " +
      "chances are if anything too high and |z| too large). A calibrated method would meet every band of the " +
      `issue's ${own.length} sets with a chance of at most ${pct(everyBand(own))}%, and of all ${rows.length} sets ` +
      `with at most ${pct(everyBand(rows))}%.`,
  );
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = join(fileURLToPath(new URL(".", import.meta.url)), "..", "out", "forecast", "results.json");
  const model = process.argv[2] ?? "avails auto";
  console.log(formatBandChances(bandChances(JSON.parse(readFileSync(path, "utf8")), model), model));
}
