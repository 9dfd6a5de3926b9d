import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { createServer } from "vitepress";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySite, freePort } from "./siteFixture.ts";

const chromiumPath = "/usr/bin/chromium";
// CI installs Debian's chromium (.ci/run); elsewhere a missing browser skips the browser tests
const haveBrowser = existsSync(chromiumPath);
if (!haveBrowser && process.env.CI) throw new Error(`${chromiumPath} is missing: .ci/run installs it with apt-get`);

describe.skipIf(!haveBrowser)("the writer's loop in dev", () => {
  let root: string;
  let server: Awaited<ReturnType<typeof createServer>>;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    root = copySite();
    server = await createServer(path.join(root, "docs"), { host: "127.0.0.1", port: await freePort(), strictPort: true });
    await server.listen();
    url = server.resolvedUrls!.local[0]!;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("updates the open page when an example changes, and shows a failure in place", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    // the first page of a dev server compiles the theme: slow on a busy 2-core machine
    await page.waitForSelector('.exemplar-verified[data-example="greet.hello"]', { timeout: 90_000 });
    expect(await page.locator(".vp-doc div.language-text").first().innerText()).toContain("hello, docs");

    const file = path.join(root, "examples/greet.ts");
    const original = readFileSync(file, "utf8");
    // new code and new output: the page shows both without a reload by hand
    writeFileSync(file, original.replace("console.log(`hello, ${name}`);", "console.log(`hello again, ${name}`);").replace(" * hello, docs", " * hello again, docs"));
    await page.waitForFunction('document.querySelector(".vp-doc div.language-text")?.textContent?.includes("hello again, docs")', undefined, { timeout: 15_000 });
    expect(await page.locator(".vp-doc div.language-ts").first().innerText()).toContain("hello again");

    // output that no longer matches: a visible error box with the diff, where the block is
    writeFileSync(file, original.replace(" * hello, docs", " * goodbye, docs"));
    const box = page.locator('.exemplar-error[data-example="greet.hello"]').first();
    await box.waitFor({ timeout: 15_000 });
    expect(await box.innerText()).toMatch(/Example greet\.hello failed[\s\S]*-goodbye, docs[\s\S]*\+hello, docs/);

    writeFileSync(file, original);
    await page.waitForSelector('.exemplar-verified[data-example="greet.hello"]', { timeout: 15_000 });
    await page.close();
  }, 180_000);

  it("shows what the latest run says: a broken file is never verified, error boxes are not those of an earlier run, a diff shows once", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('.exemplar-verified[data-example="greet.hello"]', { timeout: 90_000 });
    const file = path.join(root, "examples/greet.ts");
    const original = readFileSync(file, "utf8");
    const markdown = path.join(root, "docs/index.md");
    const page0 = readFileSync(markdown, "utf8");
    const count = (selector: string) => `document.querySelectorAll(${JSON.stringify(selector)}).length`;
    const boxesWith = (text: string) => `[...document.querySelectorAll(".exemplar-error")].filter((box) => box.textContent.includes(${JSON.stringify(text)})).length`;
    try {
      // a failure, then another one: the box shows the second diff, not the first one again
      writeFileSync(file, original.replace(" * hello, docs", " * goodbye, docs"));
      await page.waitForFunction(`${boxesWith("-goodbye, docs")} > 0`, undefined, { timeout: 15_000 });
      writeFileSync(file, original.replace(" * hello, docs", " * farewell, docs"));
      await page.waitForFunction(`${boxesWith("-farewell, docs")} > 0`, undefined, { timeout: 15_000 });
      expect(await page.evaluate(boxesWith("-goodbye, docs"))).toBe(0);
      // the page shows greet.hello's code and output: its diff once, under the first
      expect(await page.evaluate(boxesWith("-farewell, docs"))).toBe(1);
      expect(await page.evaluate(count('.exemplar-error[data-example="greet.hello"]'))).toBe(2);

      // a save that does not parse: none of the file's blocks says verified, even though
      // VitePress rendered the page's own text (its blocks empty) when the page was saved
      writeFileSync(file, original);
      await page.waitForFunction(`${count(".exemplar-verified")} === 3`, undefined, { timeout: 15_000 });
      writeFileSync(markdown, `${page0}\nEdited by hand.\n`);
      await page.waitForFunction('document.querySelector(".vp-doc")?.textContent?.includes("Edited by hand.")', undefined, { timeout: 15_000 });
      writeFileSync(file, `${original}export function (\n`);
      await page.waitForFunction(`${boxesWith("syntax error")} > 0`, undefined, { timeout: 15_000 });
      expect(await page.evaluate(count(".exemplar-verified"))).toBe(0);
      expect(await page.evaluate(count('.exemplar-error[data-example="greet.search"]'))).toBe(1);
    } finally {
      writeFileSync(file, original);
      writeFileSync(markdown, page0);
    }
    await page.waitForFunction(`${count(".exemplar-verified")} === 3 && ${count(".exemplar-error")} === 0`, undefined, { timeout: 15_000 });
    await page.close();
  }, 180_000);
});
