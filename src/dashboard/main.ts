import "./style.css";
import { ApiError, apiGet } from "./api.js";
import { h } from "./dom.js";
import type { AppContext, Page } from "./page.js";
import { accuracyPage } from "./pages/accuracy.js";
import { availsPage } from "./pages/avails.js";
import { campaignsPage } from "./pages/campaigns.js";
import { chartCheckPage } from "./pages/chart-check.js";
import { explorePage } from "./pages/explore.js";
import { overviewPage } from "./pages/overview.js";
import { readToken, saveToken } from "./token.js";
import type { LevelsAnswer } from "./types.js";

// Pages by hash route (#/explore?level=geo). chart-check is not in the menu: it draws N synthetic points to
// check how fast this browser draws a large chart.
const PAGES: { path: string; title: string; page: Page; menu: boolean }[] = [
  { path: "overview", title: "Overview", page: overviewPage, menu: true },
  { path: "explore", title: "Explore", page: explorePage, menu: true },
  { path: "avails", title: "Avails", page: availsPage, menu: true },
  { path: "campaigns", title: "Campaigns", page: campaignsPage, menu: true },
  { path: "accuracy", title: "Accuracy", page: accuracyPage, menu: true },
  { path: "chart-check", title: "Chart check", page: chartCheckPage, menu: false },
];

const root = document.getElementById("page") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
const runBadge = document.getElementById("run") as HTMLElement;
const signOut = document.getElementById("sign-out") as HTMLButtonElement;
let leave: (() => void) | undefined;

function askToken(message: string | null): void {
  leave?.();
  leave = undefined;
  nav.replaceChildren();
  runBadge.textContent = "";
  signOut.hidden = true;
  const input = h("input", {
    id: "token",
    type: "password",
    autocomplete: "off",
    placeholder: "avails_…",
    required: true,
    size: 48,
  });
  const form = h(
    "form",
    { class: "card token-form" },
    h("h1", {}, "Sign in"),
    h(
      "p",
      {},
      "Paste an API token. A viewer token is enough; create one with ",
      h("code", {}, "avails tokens create --role viewer"),
      ". It is kept in this tab only.",
    ),
    h("label", { for: "token" }, "API token"),
    input,
    h("button", { type: "submit" }, "Open dashboard"),
    message === null ? null : h("p", { class: "error", role: "alert" }, message),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveToken(input.value.trim());
    start();
  });
  root.replaceChildren(form);
  input.focus();
}

async function start(): Promise<void> {
  if (readToken() === null) return askToken(null);
  root.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  let levels: LevelsAnswer;
  try {
    levels = await apiGet<LevelsAnswer>("/v1/levels");
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      saveToken(null);
      return askToken(`The server refused that token: ${error.message}`);
    }
    const retry = h("button", { type: "button", onclick: () => start() }, "Try again");
    root.replaceChildren(
      h("div", { class: "card" }, h("p", { class: "error" }, (error as Error).message), retry),
    );
    return;
  }
  const app: AppContext = { levels };
  runBadge.textContent = `run ${levels.run_id} · ${levels.start} – ${levels.end} · ${levels.time_zone}`;
  signOut.hidden = false;
  nav.replaceChildren(
    ...PAGES.filter((p) => p.menu).map((p) => h("a", { href: `#/${p.path}`, "data-page": p.path }, p.title)),
  );
  const route = () => {
    const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
    const entry = PAGES.find((p) => p.path === path) ?? PAGES[0];
    for (const link of nav.querySelectorAll("a")) {
      if (link.dataset.page === entry.path) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    document.title = `${entry.title} · avails`;
    leave?.();
    root.replaceChildren();
    leave = entry.page(root, new URLSearchParams(query ?? ""), app);
  };
  window.onhashchange = route;
  route();
}

signOut.addEventListener("click", () => {
  saveToken(null);
  window.onhashchange = null;
  askToken(null);
});

start();
