import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vitepress";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lowestContrast } from "./lowestContrast.ts";

// the project's own docs site, built and read in a browser as a reader would

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const chromiumPath = "/usr/bin/chromium";
const haveBrowser = existsSync(chromiumPath);
if (!haveBrowser && process.env.CI) throw new Error(`${chromiumPath} is missing: .ci/run installs it with apt-get`);
if (!haveBrowser) console.warn(`skipping the browser test of the docs site: ${chromiumPath} is not installed (apt-get install -y chromium)`);

const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".woff2": "font/woff2", ".svg": "image/svg+xml" };

/** Serves a built site on a loopback port under `base`, as the bucket would. */
function serve(dir: string, base: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url!, "http://x").pathname);
    if (!pathname.startsWith(base)) return void response.writeHead(404).end();
    let file = path.join(dir, pathname.slice(base.length - 1));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// CI builds the site once (.ci/run, for the workflow's DOCS_BASE) and says where: this test reads
// that build; without EXEMPLAR_SITE_DIST (a local `npm test`) it builds the site itself
const prebuilt = process.env.EXEMPLAR_SITE_DIST ? path.resolve(repo, process.env.EXEMPLAR_SITE_DIST) : undefined;
if (prebuilt && !existsSync(path.join(prebuilt, "index.html"))) throw new Error(`EXEMPLAR_SITE_DIST=${process.env.EXEMPLAR_SITE_DIST}: no built site there (no index.html); build it first (npm run docs:build -- --outDir ${process.env.EXEMPLAR_SITE_DIST}) or unset it`);
const base = prebuilt ? (process.env.DOCS_BASE ?? "/") : "/";

describe.skipIf(!haveBrowser)("the docs site, read in a browser", () => {
  const outDir = prebuilt ?? path.join(repo, "tooling/test/.tmp", `docs-dist-${process.pid}`);
  const screenshot = path.join(repo, "tooling/test/.tmp/screenshots/writing-examples.png");
  let server: http.Server;
  let browser: Browser;
  beforeAll(async () => {
    if (!prebuilt) await build(path.join(repo, "docs"), { outDir });
    server = await serve(outDir, base);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (!prebuilt) rmSync(outDir, { recursive: true, force: true });
  });

  it("shows the spliced code and the output it printed, marked as verified", async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${base}guide/writing-examples.html`);
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

  const open = async (route: string, colorScheme: "light" | "dark" = "light"): Promise<Page> => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${base}${route.slice(1)}`);
    await page.locator(".vp-doc, .VPHome").first().waitFor();
    return page;
  };

  it("marks each verified block with the commit it ran at, that commit's own date, and its source line", async () => {
    const page = await open("/guide/writing-examples.html");
    const mark = page.locator('figure[aria-label="Example engine.find-examples"] .exemplar-verified');
    const text = await mark.innerText();
    const found = /^✓ Verified: ran and passed at commit ([0-9a-f]{7}) \((\d{4}-\d{2}-\d{2})\)( \+ local changes)? · (examples\/engine\/findExamples\.ts:\d+)$/.exec(text);
    expect(found, text).not.toBeNull();
    const [, commit, date, , place] = found!;
    // the commit's date, not the day of the build
    expect(execFileSync("git", ["show", "-s", "--format=%cI", commit!], { cwd: repo, encoding: "utf8" }).slice(0, 10)).toBe(date);
    expect(await mark.locator(".exemplar-commit").getAttribute("title")).toMatch(new RegExp(`^${commit}[0-9a-f]{33}$`));
    const [file, line] = place!.split(":");
    expect(readFileSync(path.join(repo, file!), "utf8").split("\n")[Number(line) - 1]).toMatch(/^export (async )?function/);
    // this repository names no remote and its config no `repository`: the place, with no link
    const remotes = execFileSync("git", ["remote"], { cwd: repo, encoding: "utf8" }).trim();
    if (!remotes) expect(await mark.locator("a").count()).toBe(0);
    await page.close();
  }, 60_000);

  it("captions each output \"Output\" above it, and names both figures for screen readers", async () => {
    const page = await open("/guide/writing-examples.html");
    const output = page.getByRole("figure", { name: "Output of example engine.find-examples", exact: true });
    await expect(output.innerText()).resolves.toContain("greet.hello at greet.ts:6");
    const caption = output.locator("figcaption");
    expect(await caption.innerText()).toBe("Output");
    const [captionBox, blockBox] = await Promise.all([caption.boundingBox(), output.locator("div.language-text").boundingBox()]);
    expect(captionBox!.y + captionBox!.height).toBeLessThanOrEqual(blockBox!.y);
    expect(blockBox!.y - (captionBox!.y + captionBox!.height)).toBeLessThan(12);
    await expect(page.getByRole("figure", { name: "Example engine.find-examples", exact: true }).count()).resolves.toBe(1);
    await page.close();
  }, 60_000);

  it.each(["light", "dark"] as const)("gives the marks and captions a contrast of at least 4.5:1 in the %s theme", async (scheme) => {
    const page = await open("/guide/writing-examples.html", scheme);
    await page.waitForFunction(`document.documentElement.classList.contains("dark") === ${scheme === "dark"}`);
    // VitePress fades colours when the theme changes: measure them settled
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
    const lowest = await page.evaluate<{ ratio: number; where: string; elements: number }>(lowestContrast(".exemplar-verified, .exemplar-unverified, .exemplar-caption"));
    expect(lowest.elements).toBeGreaterThan(10);
    expect(lowest.ratio, lowest.where).toBeGreaterThanOrEqual(4.5);
    await page.close();
  }, 60_000);

  it("does not make blocks nothing verifies look verified: a shell command and an included file carry no mark and no green bar", async () => {
    const page = await open("/platform/serving.html");
    // each block: its text, the status of the figure it is in, and the bar a verified one has
    const looks = await page.evaluate<{ text: string; figure: string; bar: string }[]>(`[...document.querySelectorAll(".vp-doc div[class*='language-']")].map((block) => ({
      text: block.textContent, figure: block.closest("figure")?.getAttribute("data-status") ?? "none", bar: getComputedStyle(block).boxShadow,
    }))`);
    const include = looks.find((block) => block.text.includes("export function predict(rows: ChurnRow[], state: ChurnState)"));
    const shell = looks.find((block) => block.text.includes("npx envelope serve churn-score@3"));
    for (const unverified of [include, shell]) expect(unverified).toMatchObject({ figure: "none", bar: "none" });
    const verified = looks.filter((block) => block.figure === "verified");
    expect(verified.length).toBeGreaterThan(6);
    for (const block of verified) expect(block.bar).not.toBe("none");
    await page.close();
  }, 60_000);

  it("claims on the home page what the marks say, not that every snippet ran", async () => {
    const page = await open("/");
    const home = await page.locator(".VPHome").innerText();
    expect(home).not.toMatch(/\b(every|each|all)\b[^.]*\b(snippet|code block)s?\b(?![^.]*\bmarked\b)/i);
    expect(home).toContain("✓ Verified");
    expect(home).toMatch(/shell commands? and included files? (carry|have) no mark/i);
    await page.close();
  }, 60_000);
});
