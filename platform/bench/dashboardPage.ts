/**
 * The dashboard page's part of `npm run bench:dashboard`: the size of its JavaScript (the bundle
 * as served and gzipped) and how long chromium takes, on loopback, to show the metrics view of a
 * registry (navigation until the page's load event, and until its over-time chart has drawn its
 * dots), as the median of `runs` loads in fresh tabs, beside its peer in the same run: navigating
 * to the registry's `/v1/health` (the browser's and the loopback's own cost of a page).
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { uiBundleFile } from "../src/ui/build/uiBundle.ts";

export interface PageFigures {
  jsBytes: number;
  jsGzipBytes: number;
  /** median milliseconds from navigation to the page's load event (the bundle fetched and run) */
  readyMs: number;
  /** median milliseconds from navigation to the metrics view's dots drawn */
  loadMs: number;
  /** median milliseconds of the peer: navigating to /v1/health */
  peerMs: number;
  /** how many dots the view drew (the versions matching the view's query) */
  dots: number;
  runs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Measures the page against a running registry at `url` whose store has versions logging
 * `metric`; `hash` is the view to load, e.g. `#/metrics?query=stage%3Dprod&metric=auc`.
 */
export async function measureDashboardPage(url: string, token: string, hash: string, runs = 9): Promise<PageFigures> {
  if (!existsSync(uiBundleFile)) throw new Error(`no dashboard bundle at ${uiBundleFile}: run npm run build:ui first`);
  const bundle = readFileSync(uiBundleFile);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  const ready: number[] = [];
  const load: number[] = [];
  const peer: number[] = [];
  let dots = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      // the token is in the tab's sessionStorage before the page runs, as after a paste
      // scripts run in the page as text: this file is type-checked without the DOM's types
      await context.addInitScript(`sessionStorage.setItem("envelope.token", ${JSON.stringify(token)})`);
      const page = await context.newPage();
      let started = performance.now();
      await page.goto(`${url}/v1/health`);
      peer.push(performance.now() - started);
      started = performance.now();
      await page.goto(`${url}/ui${hash}`);
      ready.push(performance.now() - started);
      await page.waitForFunction(`document.querySelectorAll('[data-panel^="metric-over-time"] g[aria-label="dot"] circle').length > 0`, undefined, { timeout: 60_000, polling: "raf" });
      load.push(performance.now() - started);
      dots = await page.locator('[data-panel^="metric-over-time"] g[aria-label="dot"] circle').count();
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { jsBytes: bundle.length, jsGzipBytes: gzipSync(bundle, { level: 9 }).length, readyMs: median(ready), loadMs: median(load), peerMs: median(peer), dots, runs };
}

/** The figures as the bench prints them. */
export function formatPageFigures(figures: PageFigures): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    `dashboard page: JavaScript ${kib(figures.jsBytes)} (${kib(figures.jsGzipBytes)} gzipped)`,
    `  page loaded (bundle run) in ${figures.readyMs.toFixed(0)} ms; metrics view of ${figures.dots} versions drawn in ${figures.loadMs.toFixed(0)} ms (median of ${figures.runs}); /v1/health in ${figures.peerMs.toFixed(0)} ms: ${(figures.loadMs / figures.peerMs).toFixed(1)}x the peer`,
  ].join("\n");
}
