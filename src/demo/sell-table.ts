import { CELLS } from "./cells.js";
import type { DeliveryPlan } from "./delivery-plan.js";

/**
 * For one history day, the campaigns that may take an opportunity of each cell, in serving order, with
 * cumulative probabilities: one uniform draw u per opportunity picks the first campaign whose cumulative
 * probability exceeds u (campaign k wins with p_k x the product of (1 - p_i) before it), or none.
 * Equivalent to walking the campaigns with one coin each, with a single random number.
 *
 * @example
 * const table = new SellTable(plan);
 * table.build(0);
 * const campaign = table.pick(cell, rng.next()); // -1 when unsold
 */
export class SellTable {
  private readonly plan: DeliveryPlan;
  private readonly days: number;
  private readonly start = new Int32Array(CELLS.length);
  private readonly length = new Int32Array(CELLS.length);
  private readonly campaign: Int32Array;
  private readonly cumulative: Float64Array;

  constructor(plan: DeliveryPlan) {
    this.plan = plan;
    this.days = plan.sell.length / Math.max(1, plan.campaigns.length);
    this.campaign = new Int32Array(CELLS.length * plan.campaigns.length);
    this.cumulative = new Float64Array(CELLS.length * plan.campaigns.length);
  }

  /** Prepares the table of a history day (0 = first day). */
  build(day: number): void {
    const { order, match, sell, campaigns } = this.plan;
    const nCells = CELLS.length;
    let n = 0;
    for (let c = 0; c < nCells; c++) {
      this.start[c] = n;
      let unsold = 1;
      for (let k = 0; k < order.length; k++) {
        const j = order[k];
        const p = sell[j * this.days + day];
        if (p <= 0 || !match[j * nCells + c]) continue;
        unsold *= 1 - p;
        this.campaign[n] = j;
        this.cumulative[n] = 1 - unsold;
        n++;
      }
      this.length[c] = n - this.start[c];
    }
    if (campaigns.length === 0) this.length.fill(0);
  }

  /** The campaign that takes an opportunity of `cell` for the uniform draw `u`, or -1 if it stays unsold. */
  pick(cell: number, u: number): number {
    const end = this.start[cell] + this.length[cell];
    for (let i = this.start[cell]; i < end; i++) if (u < this.cumulative[i]) return this.campaign[i];
    return -1;
  }
}
