import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { build } from "vitepress";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// the project's own docs site, built and read in a browser as a reader would

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const chromiumPath = "/usr/bin/chromium";
const haveBrowser = existsSync(chromiumPath);
if (!haveBrowser && process.env.CI) throw new Error(`${chromiumPath} is missing: .ci/run installs it with apt-get`);
if (!haveBrowser) console.warn(`skipping the browser test of the docs site: ${chromiumPath} is not installed (apt-get install -y chromium)`);

const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".woff2": "font/woff2", ".svg": "image/svg+xml" };

/** Serves a built site on a loopback port, as the bucket would. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let file = path.join(dir, decodeURIComponent(new URL(request.url!, "http://x").pathname));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe.skipIf(!haveBrowser)("the docs site, read in a browser", () => {
  const outDir = path.join(repo, "tooling/test/.tmp", `docs-dist-${process.pid}`);
  const screenshot = path.join(repo, "tooling/test/.tmp/screenshots/writing-examples.png");
  let server: http.Server;
  let browser: Browser;
  beforeAll(async () => {
    await build(path.join(repo, "docs"), { outDir });
    server = await serve(outDir);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("shows the spliced code and the output it printed, marked as verified", async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/guide/writing-examples.html`);
    const code = page.locator(".vp-doc div.language-ts").first();
    await code.waitFor();
    expect(await code.innerText()).toContain('const { examples } = findExamples([{ file: "greet.ts", text: source }]);');
    expect(await page.locator(".vp-doc div.language-text").first().innerText()).toContain("greet.hello at greet.ts:6 expects exact (1 line)");
    expect(await page.locator('.exemplar-verified[data-example="engine.find-examples"]').count()).toBe(2);
    mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);
});
