import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
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

// each test opens a few tabs on a shared, busy machine: room for that, no timing asserted
describe.skipIf(!haveBrowser)("the dashboard, in a browser", { timeout: 120_000 }, () => {
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
    if (process.env.UPDATE !== "1") rmSync(shots, { recursive: true, force: true });
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
    expect(await page.locator('[data-version][aria-current="true"]').innerText()).toBe("v40");
    const envelope = await page.locator("[data-envelope]").innerText();
    expect(envelope).toMatch(/stage\s+staging/);
    expect(envelope).toMatch(/calibration\s+0\.\d+/);
    expect(envelope).toContain("series: roc (5 points)");
    await shot(page, "model");
    await page.locator('[data-version="7"]').click();
    await settled(page);
    expect(await page.locator("[data-envelope]").getAttribute("data-envelope")).toBe("model-06@7");
    expect(await page.locator('[data-version][aria-current="true"]').innerText()).toBe("v7");
    const empty = await open("#/models?query=stage%3Dnope");
    await expect.poll(() => empty.locator('[data-state="empty"]').innerText(), { timeout: 30_000 }).toMatch(/^no model's latest version matches stage=nope/);
  });

  // stage is by version (v % 3 == 2 is prod): 13 of each model's 40 versions, 650 in all
  const metricsView = "#/metrics?color=region&last=5&metric=auc&query=stage%3Dprod&series=roc&x=auc&y=loss";

  it("draws a metric over time, a scatter and series with one mark per matching version, and downloads them", async () => {
    const api = await callRegistry(registry, "GET", "/v1/dashboard/metrics?query=stage%3Dprod&metric=auc&limit=1000", { token: registry.tokens.admin });
    expect(api.json.versions).toHaveLength(650);
    const page = await open(metricsView);
    await settled(page);
    expect(await page.locator(dots("metric-over-time")).count()).toBe(650);
    expect(await page.locator(dots("scatter")).count()).toBe(650);
    expect(await page.locator('[data-panel^="series"] g[aria-label="line"] path').count()).toBe(5);
    // hover: name@version, the values, the tags
    const hover = await page.locator(dots("scatter")).first().locator("title").textContent();
    expect(hover).toMatch(/^model-\d\d@\d+\nauc = [\d.]+\nloss = [\d.]+\nfamily=(trees|linear)\nowner=\w+-user\nregion=\w+\nstage=prod\nteam=\w+$/);
    // one color per region in the legend
    expect(await page.locator('[data-panel^="metric-over-time"] figure > div span').count()).toBe(5);
    const csv = await downloaded(page, '[data-panel^="metric-over-time"] [data-download="csv"]');
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("version,createdAt,region,auc");
    expect(lines).toHaveLength(651);
    const svg = await downloaded(page, '[data-panel^="scatter"] [data-download="svg"]');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<circle /g)).toHaveLength(650);
    await shot(page, "metrics");
  });

  it("facets the metric over time by a tag: one row of dots per value", async () => {
    // region=eu: 10 models x 40 versions; stage by version: dev 13, staging 14, prod 13 per model
    const page = await open("#/metrics?color=region&facet=stage&metric=auc&query=region%3Deu&series=roc&x=auc&y=loss");
    await settled(page);
    const panel = page.locator('[data-panel^="metric-over-time"]');
    expect(await panel.locator("h2").innerText()).toBe("auc over time: 400 versions, colored by region, one row per stage");
    // Plot draws a faceted mark as one group per facet
    const perFacet = await panel.locator('g[aria-label="dot"] > g').evaluateAll((facets) => facets.map((facet) => facet.querySelectorAll("circle").length));
    expect(perFacet.sort()).toEqual([130, 130, 140]);
    const csv = await downloaded(page, '[data-panel^="metric-over-time"] [data-download="csv"]');
    expect(csv.split("\r\n")[0]).toBe("version,createdAt,region,stage,auc");
    await shot(page, "metrics-faceted");
  });

  it("starts the charts a URL names without waiting for the metric names", async () => {
    const page = await openDashboard(browser, registry.url, "#/alerts", registry.tokens.admin);
    pages.push(page);
    // the metric names never answer (held here): the charts must not be waiting for them
    let release = () => {};
    await page.route("**/v1/dashboard/metric-names*", (route) => new Promise<void>((resolve) => (release = resolve)).then(() => route.continue()));
    await page.evaluate(`location.hash = ${JSON.stringify(metricsView)}`);
    await expect.poll(() => page.locator(dots("metric-over-time")).count(), { timeout: 60_000 }).toBe(650);
    await expect.poll(() => page.locator(dots("scatter")).count(), { timeout: 60_000 }).toBe(650);
    await expect.poll(() => page.locator('[data-panel^="series"] g[aria-label="line"] path').count(), { timeout: 60_000 }).toBe(5);
    expect(await page.locator('[data-state="loading"]').innerText()).toBe("loading metric names…");
    release();
    await settled(page);
  });

  it("keeps every setting in the URL: a pasted URL shows the same view in a fresh tab", async () => {
    const page = await open("#/metrics?query=stage%3Dprod");
    await settled(page);
    await page.locator('select[name="metric"]').selectOption("f1");
    await expect.poll(() => page.url()).toMatch(/metric=f1/);
    await settled(page);
    await page.locator('input[name="color"]').fill("family");
    await page.locator('input[name="last"]').fill("3");
    await page.locator(".controls button[type=submit]").click();
    await expect.poll(() => page.url()).toMatch(/color=family.*last=3/);
    await settled(page);
    const shared = page.url();
    const seen = async (tab: Page) => ({
      dots: await tab.locator(dots("metric-over-time")).count(),
      lines: await tab.locator('[data-panel^="series"] g[aria-label="line"] path').count(),
      title: await tab.locator('[data-panel^="metric-over-time"] h2').innerText(),
      metric: await tab.locator('select[name="metric"]').inputValue(),
    });
    const before = await seen(page);
    expect(before).toEqual({ dots: 650, lines: 3, title: "f1 over time: 650 versions, colored by family", metric: "f1" });
    const fresh = await open(shared.slice(shared.indexOf("#")));
    await settled(fresh);
    expect(await seen(fresh)).toEqual(before);
    // the token was pasted in the fresh tab: it never travels in the URL
    expect(shared).not.toContain(registry.tokens.admin);
    // a setting the registry refuses: its message, naming the parameter, in the chart's place
    const refused = await open("#/metrics?last=500&metric=auc&query=stage%3Dprod&series=roc");
    await expect.poll(() => refused.locator('[data-state="error"]').innerText(), { timeout: 30_000 }).toBe('/v1/dashboard/series answered 400 ENVELOPE_INVALID: 1 problem in the query; query.last: expected a whole number from 1 to 50, got "500"');
    const none = await open("#/metrics?query=stage%3Dnope");
    await expect.poll(() => none.locator('[data-state="empty"]').innerText(), { timeout: 30_000 }).toMatch(/^no versions match stage=nope/);
  });

  it("shows usage aggregated by the registry, and drills down to a user", async () => {
    const since = new Date(Date.now() - 28 * 86_400_000).toISOString();
    const get = async (at: string) => (await callRegistry(registry, "GET", `${at}?since=${encodeURIComponent(since)}`, { token: registry.tokens.admin })).json;
    const { weeks } = await get("/v1/usage/new-users");
    const { functions } = await get("/v1/usage/functions");
    expect(functions).toHaveLength(7);
    const page = await open("#/usage?days=28");
    await settled(page);
    expect(await page.locator('[data-panel="new-users"] g[aria-label="bar"] rect').count()).toBe(weeks.length);
    expect(await page.locator('[data-panel="functions"] g.calls-bars rect').count()).toBe(7);
    expect(await page.locator('[data-panel="functions"] g.failure-bars rect').count()).toBe(7);
    expect(await page.locator('[data-panel="functions"] tbody tr').first().innerText()).toBe([functions[0].fn, functions[0].calls, functions[0].failures, `${(functions[0].failureRate * 100).toFixed(1)}%`, functions[0].users].join("\t"));
    const errors = await page.locator('[data-panel="errors"] tbody tr').allInnerTexts();
    expect(errors.length).toBeGreaterThan(0);
    // each error with the suggested fix the usage report gives it
    expect(errors.find((row) => row.includes("ENVELOPE_NOT_FOUND"))).toMatch(/\nmodel model-07 version 99 not found\t\d+\t\d+\t.*\tCheck the model's name and version/);
    await shot(page, "usage");
    await page.locator('[data-user="user-1"]').click();
    await expect.poll(() => page.url()).toMatch(/user=user-1/);
    await settled(page);
    expect(await page.locator("main h2").first().innerText()).toBe("User user-1");
    expect(await page.locator('[data-panel="user-user-1-functions"] tbody tr').count()).toBeGreaterThan(0);
    // one team's usage: the users of team churn are the even ones
    const churn = (await callRegistry(registry, "GET", `/v1/usage/functions?since=${encodeURIComponent(since)}&team=churn`, { token: registry.tokens.admin })).json.functions;
    const team = await open("#/usage?days=28&team=churn");
    await settled(team);
    expect(await team.locator('[data-panel="functions"] tbody tr td:nth-child(2)').allInnerTexts()).toEqual(churn.map((row: { calls: number }) => String(row.calls)));
    expect(await team.locator('[data-panel="users"] [data-user]').evaluateAll((links) => links.every((link) => Number(link.textContent!.slice(5)) % 2 === 0))).toBe(true);
  });

  it("lists the latest alerts with the webhook's status codes", async () => {
    expect(alertsPosted).toBe(201);
    const page = await open("#/alerts");
    await settled(page);
    expect(await page.locator('[data-panel="alerts"] tbody tr').count()).toBe(3);
    expect(await page.locator("[data-status]").evaluateAll((badges) => badges.map((badge) => `${badge.getAttribute("data-status")} ${badge.className}`))).toEqual(["none status failed", "500 status failed", "200 status ok"]);
    await shot(page, "alerts");
  });
});
