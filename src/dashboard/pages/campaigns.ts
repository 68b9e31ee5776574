import { apiGet } from "../api.js";
import { h } from "../dom.js";
import { formatCount, formatPercent } from "../format.js";
import { pacingBar } from "../pacing-bar.js";
import type { Page } from "../page.js";
import type { Campaign, CampaignPacing } from "../types.js";
import { errorBox, table } from "../ui.js";

/** Pacing requests in flight at once. */
const PARALLEL = 3;

const STATE_TONE: Record<string, string> = {
  "on track": "ok",
  ahead: "warn",
  behind: "warn",
  "at risk": "bad",
  done: "muted",
};

/**
 * Campaigns: every booked campaign with its pacing — delivered and planned to date, the projected final
 * delivery's band, the chance of falling short, next hour's throttle and the state.
 *
 * @example
 * campaignsPage(root, new URLSearchParams(), app);
 */
export const campaignsPage: Page = (root) => {
  const abort = new AbortController();
  const body = h("div", { "data-testid": "campaigns" }, h("p", { class: "muted" }, "Loading campaigns…"));
  root.append(
    h("h1", {}, "Campaigns"),
    h(
      "p",
      { class: "muted" },
      "Bar: delivered so far (solid), planned to date (black tick) and projected final delivery P10–P90 " +
        "(shaded), against the goal at the bar's end. Throttle: the share of matching requests to serve next hour.",
    ),
    h("section", { class: "card" }, body),
  );

  async function load() {
    try {
      const campaigns = await apiGet<Campaign[]>("/v1/campaigns", abort.signal);
      if (campaigns.length === 0) {
        body.replaceChildren(h("p", { class: "muted" }, "No campaigns are booked."));
        return;
      }
      // A few at a time: pacing replays each flight, and dozens at once would stall the server's loop.
      const pacings: (CampaignPacing | Error)[] = new Array(campaigns.length);
      let next = 0;
      const worker = async () => {
        while (next < campaigns.length && !abort.signal.aborted) {
          const i = next++;
          const path = `/v1/campaigns/${encodeURIComponent(campaigns[i].id)}/pacing`;
          pacings[i] = await apiGet<CampaignPacing>(path, abort.signal).catch((error: Error) => error);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      if (abort.signal.aborted) return;
      const rows = campaigns.map((c, i) => {
        const p = pacings[i];
        const name = h("div", {}, h("strong", {}, c.name), h("div", { class: "muted" }, c.id));
        const flight = h("span", { class: "nowrap" }, c.start, h("br"), `– ${c.end}`);
        const head = [name, flight, c.priority, formatCount(c.goal_impressions)];
        if (p instanceof Error) return [...head, errorBox(p), "", "", "", "", "", ""];
        return [
          ...head,
          formatCount(p.delivered_to_date),
          formatCount(p.planned_to_date),
          pacingBar(p),
          `${formatCount(p.projected.mean)} (${formatCount(p.projected.p10)}–${formatCount(p.projected.p90)})`,
          formatPercent(p.under_delivery_probability),
          p.throttle === null ? "–" : formatPercent(p.throttle),
          h("span", { class: `badge ${STATE_TONE[p.state] ?? ""}`, "data-state": p.state }, p.state),
        ];
      });
      const first = pacings.find((p): p is CampaignPacing => !(p instanceof Error));
      body.replaceChildren(
        h(
          "p",
          { class: "muted" },
          first === undefined ? "" : `Paced at ${first.at} from run ${first.run_id}.`,
        ),
        h(
          "div",
          { class: "scroll" },
          table(
            [
              "campaign",
              "flight",
              "priority",
              "goal",
              "delivered",
              "planned to date",
              "progress",
              "projected final (P10–P90)",
              "P(under)",
              "throttle",
              "state",
            ],
            rows,
            [false, false, false, true, true, true, false, true, true, true, false],
          ),
        ),
      );
    } catch (error) {
      if (!abort.signal.aborted) body.replaceChildren(errorBox(error));
    }
  }

  load();
  return () => abort.abort();
};
