import { h } from "./dom.js";
import { formatCount } from "./format.js";
import type { CampaignPacing } from "./types.js";

/**
 * A campaign's progress against its goal as one bar: delivered so far (solid), planned to date (a tick) and
 * the projected final delivery's P10–P90 (a shaded range), all as shares of the goal (the bar's end).
 *
 * @example
 * cell.append(pacingBar(pacing));
 */
export function pacingBar(pacing: CampaignPacing): HTMLElement {
  const goal = pacing.goal;
  const at = (value: number) => `${Math.max(0, Math.min(100, (value / goal) * 100)).toFixed(2)}%`;
  const band = h("div", { class: "bar-band" });
  band.style.left = at(pacing.projected.p10);
  band.style.width = `calc(${at(pacing.projected.p90)} - ${at(pacing.projected.p10)})`;
  const done = h("div", { class: "bar-done" });
  done.style.width = at(pacing.delivered_to_date);
  const plan = h("div", { class: "bar-plan" });
  plan.style.left = at(pacing.planned_to_date);
  return h(
    "div",
    {
      class: "bar",
      role: "img",
      "aria-label":
        `delivered ${formatCount(pacing.delivered_to_date)} of ${formatCount(goal)}, planned ` +
        `${formatCount(pacing.planned_to_date)}, projected ${formatCount(pacing.projected.p10)}–${formatCount(pacing.projected.p90)}`,
      title:
        `delivered ${formatCount(pacing.delivered_to_date)} · planned ${formatCount(pacing.planned_to_date)} · ` +
        `projected P10–P90 ${formatCount(pacing.projected.p10)}–${formatCount(pacing.projected.p90)} · goal ${formatCount(goal)}`,
    },
    band,
    done,
    plan,
  );
}
