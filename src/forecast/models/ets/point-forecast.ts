import type { EtsForm } from "./ets-form.js";

/**
 * Point forecasts of an ETS model from a state (Hyndman et al. 2008, Table 2.1, the forecast column):
 * y(n+h) = trend(h) (+ or x) s((h-1) mod m), with trend(h) = l, l + phi_h b or l b^phi_h, where
 * phi_h = phi + phi^2 + ... + phi^h (just h when not damped).
 *
 * @param form the model's components
 * @param phi damping (1 when not damped)
 * @param state [level, trend, s(0), ..., s(m-1)] after the last observation, s(j) the season of the
 *   (j+1)-th step ahead
 * @param out receives the forecasts of steps 1..out.length, and is returned
 * @example etsPointForecast({ error: "A", trend: "A", damped: false, season: "N", period: 1 }, 1, Float64Array.of(10, 2), new Float64Array(3))
 * // [12, 14, 16]
 */
export function etsPointForecast(
  form: EtsForm,
  phi: number,
  state: Float64Array,
  out: Float64Array,
): Float64Array {
  const level = state[0];
  const slope = state[1];
  const m = form.season === "N" ? 1 : form.period;
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 0; h < out.length; h++) {
    phiPower *= phi;
    phiSum += phiPower;
    let value = level;
    if (form.trend === "A") value = level + phiSum * slope;
    else if (form.trend === "M") value = level * slope ** phiSum;
    if (form.season === "A") value += state[2 + (h % m)];
    else if (form.season === "M") value *= state[2 + (h % m)];
    out[h] = value;
  }
  return out;
}
