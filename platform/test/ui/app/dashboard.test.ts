import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRegistry } from "../../support/callRegistry.ts";
import { seedDashboardHistory } from "../../support/seedDashboardHistory.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { downloaded, openDashboard, settled } from "./openDashboard.ts";

// the dashboard read in a browser against a real registry holding a generated history: 50 models
// x 40 versions x 10 metrics and 5,000 usage events. Screenshots go to a temp folder; with
// UPDATE=1 into docs/public/dashboard, where the docs page shows them.

const chromiumPath = "/usr/bin/chromium";
const haveBrowser = existsSync(chromiumPath);
if (!haveBrowser && process.env.CI) throw new Error(`${chromiumPath} is missing: .ci/run installs it with apt-get`);
const repo = fileURLToPath(new URL("../../../..", import.meta.url));
const shots = process.env.UPDATE === "1" ? path.join(repo, "docs/public/dashboard") : path.join(tmpdir(), `envelope-dashboard-shots-${process.pid}`);

const dots = (panel: string) => `[data-panel^="${panel}"] g[aria-label="dot"] circle`;

describe.skipIf(!haveBrowser)("the dashboard, in a browser", () => {
  let registry: TestRegistry;
  let browser: Browser;
  let alertsPosted = 0;
  const pages: Page[] = [];
  const open = async (hash: string, token: string | null = registry.tokens.admin) => {
    const page = await openDashboard(browser, registry.url, hash, token);
    pages.push(page);
    return page;
  };
  const shot = async (page: Page, name: string) => {
    mkdirSync(shots, { recursive: true });
    const file = path.join(shots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  };

  beforeAll(async () => {
    registry = await startTestRegistry();
    await seedDashboardHistory(registry.store, { models: 50, versions: 40, events: 5000, now: new Date() });
    const alerts = [
      { at: new Date(Date.now() - 3_600_000).toISOString(), kind: "ENVELOPE_MODEL_TIMEOUT", text: "churn@3 timed out on /predict", status: 200, source: "serve" },
      { at: new Date(Date.now() - 1_800_000).toISOString(), kind: "ENVELOPE_NETWORK", text: "the registry did not answer", status: 500, source: "client" },
      { at: new Date(Date.now() - 600_000).toISOString(), kind: "ENVELOPE_INVALID", text: "batch run failed on part 2", status: null, source: "batch" },
    ];
    alertsPosted = (await callRegistry(registry, "POST", "/v1/alerts", { token: registry.tokens.admin, body: { alerts } })).status;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  }, 300_000);
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await registry?.close();
  });

  it("asks for a token, and says what to paste when the registry refuses one", async () => {
    const page = await open("#/models", null);
    await expect.poll(() => page.locator('[data-state="no-token"]').innerText()).toMatch(/made with envelope token create/);
    await page.locator('form.token input[name="token"]').fill("not-a-token");
    await page.locator("form.token button[type=submit]").click();
    await expect.poll(() => page.locator('[data-state="error"]').innerText(), { timeout: 30_000 }).toMatch(/^token refused: paste a token made with envelope token create/);
  });

  it("lists models by tag query, and shows a model's versions and envelope", async () => {
    const page = await open("#/models?query=region%3Deu");
    await settled(page);
    // region is by model: model m is in eu when m % 5 == 1
    expect(await page.locator("[data-model]").count()).toBe(10);
    await shot(page, "models");
    await page.locator('[data-model="model-06"]').click();
    await settled(page);
    expect(page.url()).toMatch(/#\/models\?model=model-06&query=region%3Deu$|#\/models\?query=region%3Deu&model=model-06$/);
    expect(await page.locator("[data-version]").count()).toBe(40);
    await expect.poll(() => page.locator("[data-envelope]").getAttribute("data-envelope")).toBe("model-06@40");
    const envelope = await page.locator("[data-envelope]").innerText();
    expect(envelope).toMatch(/stage\s+staging/);
    expect(envelope).toMatch(/calibration\s+0\.\d+/);
    expect(envelope).toContain("series: roc (5 points)");
    await shot(page, "model");
    const empty = await open("#/models?query=stage%3Dnope");
    await expect.poll(() => empty.locator('[data-state="empty"]').innerText(), { timeout: 30_000 }).toMatch(/^no model's latest version matches stage=nope/);
  });
});
