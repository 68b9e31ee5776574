// node bench/forecast/ets-search-audit.js — how often AutoETS's race (`selectEts`) chooses another form than
// fitting every form in full, as R's ets does, on the test windows of bench:forecast's daily, monthly and
// quarterly sets and the held-out sets (5 windows). Prints, per set, the fits where the race's AICc is above
// the lowest full fit's, with both forms and the gap. Needs `npm run build`.
import { describeEts } from "../../dist/forecast/models/ets/ets-form.js";
import { parseEtsSpec } from "../../dist/forecast/models/ets/ets-spec.js";
import { fitEts } from "../../dist/forecast/models/ets/fit-ets.js";
import { etsPeriod } from "../../dist/forecast/models/ets/seasonal-period.js";
import { candidateForms, selectEts } from "../../dist/forecast/models/ets/select-ets.js";
import { loadDatasets, loadHeldOutDatasets } from "./datasets.js";
import { testCases } from "./test-cases.js";

const WINDOWS = 5;
const { space } = parseEtsSpec({});
const sets = [...(await loadDatasets()), ...(await loadHeldOutDatasets())].filter(
  (set) => !set.name.includes("hourly"),
);

let misses = 0;
let fits = 0;
for (const set of sets) {
  const rows = [];
  let setFits = 0;
  for (const c of testCases(set, WINDOWS)) {
    const y = c.train;
    const positive = y.every((v) => v > 0);
    const period = etsPeriod(set.seasons, y.length);
    const forms = candidateForms(
      {
        errors: positive ? space.errors : ["A"],
        trends: positive ? space.trends : space.trends.filter((t) => t !== "M"),
        damping: space.damping,
        seasons: period < 2 ? ["N"] : positive ? space.seasons : space.seasons.filter((s) => s !== "M"),
      },
      period,
      positive,
    );
    const raced = selectEts(y, forms);
    if (raced === null) continue;
    let best = null;
    for (const form of forms) {
      const fit = fitEts(y, form);
      if (fit !== null && Number.isFinite(fit.aicc) && (best === null || fit.aicc < best.aicc)) best = fit;
    }
    setFits++;
    if (best !== null && raced.aicc > best.aicc + 1e-6) {
      rows.push(
        `${c.key}: ${describeEts(raced.form)} for ${describeEts(best.form)}, AICc +${(raced.aicc - best.aicc).toFixed(2)}`,
      );
    }
  }
  fits += setFits;
  misses += rows.length;
  console.log(`${set.name}: another form in ${rows.length} of ${setFits} fits`);
  for (const row of rows) console.log(`  ${row}`);
}
console.log(`all: another form in ${misses} of ${fits} fits`);
