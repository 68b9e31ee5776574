// Screenshots of the dashboard's pages for the docs: node scripts/dashboard-screenshots.js URL TOKEN OUT_DIR
// against a running `avails serve` (docs/dashboard.md says how the docs' ones were made). Uses Debian's
// Chromium through playwright-core, as the dashboard's test does.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, token, out] = process.argv.slice(2);
if (!base || !token || !out) {
  console.error("usage: node scripts/dashboard-screenshots.js URL TOKEN OUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  page.on("response", (response) => {
    if (response.status() >= 400) console.error(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${base}/`);
  await page.fill("#token", token);
  await page.click("button[type=submit]");
  await page.waitForSelector("nav a");
  const pages = [
    ["overview", "#/overview?granularity=hour", "[data-testid=alarms] :is(ul, .ok-text, .error)"],
    ["explore", "#/explore?granularity=day", "[data-testid=explore-chart] canvas"],
    ["avails", "#/avails", "#avails-form"],
    ["campaigns", "#/campaigns", "[data-testid=campaigns] table"],
    ["accuracy", "#/accuracy", "[data-testid=accuracy] table"],
  ];
  for (const [name, hash, ready] of pages) {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector(ready);
    if (name === "avails") {
      await page.click("#avails-form button[type=submit]");
      await page.waitForSelector("[data-testid=avails-result] table");
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: name !== "campaigns" });
    console.log(join(out, `${name}.png`));
  }
} finally {
  await browser.close();
}
