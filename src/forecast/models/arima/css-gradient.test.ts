import { describe, expect, test } from "vitest";
import { expandArma } from "./arima-polynomials.js";
import { cssResiduals } from "./css.js";
import { cssGradient } from "./css-gradient.js";

const n = 150;
const y = new Float64Array(n);
let seed = 1;
for (let t = 0; t < n; t++) {
  seed = (seed * 16807) % 2147483647;
  y[t] = 10 + Math.sin(t * 0.7) + 3 * (seed / 2147483647 - 0.5) + (t > 12 ? 0.3 * y[t - 12] : 0);
}
const cosine = Float64Array.from({ length: n }, (_, t) => Math.cos(t * 0.3));

const cases = [
  ["AR(1)(1)[12] with a mean", { p: 1, d: 0, q: 0, P: 1, D: 0, Q: 0, period: 12 }, [0.5, 0.3, 12]],
  [
    "ARMA(2,1)(1,1)[4] with a regressor",
    { p: 2, d: 0, q: 1, P: 1, D: 0, Q: 1, period: 4 },
    [0.3, -0.2, 0.4, 0.25, -0.3, 1.5],
  ],
  ["ARMA(1,2)(0,2)[4]", { p: 1, d: 0, q: 2, P: 0, D: 0, Q: 2, period: 4 }, [0.3, -0.2, 0.4, 0.25, -0.3]],
] as const;

describe("cssGradient(coef, order, ...)", () => {
  test.each(cases)("%s: the central differences of 0.5 log(CSS / count), to 1e-6", (_, order, start) => {
    const coef = Float64Array.from(start);
    const narma = order.p + order.q + order.P + order.Q;
    const columns = coef.length - narma === 0 ? [] : [narma === 3 ? new Float64Array(n).fill(1) : cosine];
    const phiLength = order.p + order.period * order.P;
    const thetaLength = order.q + order.period * order.Q;
    const at = (c: Float64Array) => {
      const phi = new Float64Array(phiLength);
      const theta = new Float64Array(thetaLength);
      expandArma(c, order, phi, theta);
      const w = y.map((v, t) => v - columns.reduce((s, col, j) => s + c[narma + j] * col[t], 0));
      const e = new Float64Array(n);
      return { value: 0.5 * Math.log(cssResiduals(w, phi, theta, phiLength, e)), phi, theta, w, e };
    };
    const here = at(coef);
    const out = new Float64Array(coef.length);
    cssGradient(
      coef,
      order,
      here.w,
      columns,
      here.phi,
      here.theta,
      here.e,
      phiLength,
      new Float64Array(n),
      new Float64Array(phiLength),
      new Float64Array(thetaLength),
      new Int32Array(phiLength + thetaLength),
      out,
    );
    for (let k = 0; k < coef.length; k++) {
      const up = coef.slice();
      const down = coef.slice();
      up[k] += 1e-6;
      down[k] -= 1e-6;
      const difference = (at(up).value - at(down).value) / 2e-6;
      expect(Math.abs(out[k] - difference)).toBeLessThan(1e-6 * Math.max(1, Math.abs(difference)));
    }
  });
});
