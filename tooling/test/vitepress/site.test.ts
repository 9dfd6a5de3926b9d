import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { build, createServer } from "vitepress";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const plugin = path.resolve(here, "../../src/vitepress/index.ts");
const chromiumPath = "/usr/bin/chromium";
// CI installs Debian's chromium (.ci/run); elsewhere a missing browser skips the browser tests
const haveBrowser = existsSync(chromiumPath);
if (!haveBrowser && process.env.CI) throw new Error(`${chromiumPath} is missing: .ci/run installs it with apt-get`);

/** A fresh copy of the fixture site inside the repository, where VitePress finds its packages. */
function copySite(): string {
  const root = path.resolve(here, "../.tmp", `site-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(path.dirname(root), { recursive: true });
  cpSync(path.join(here, "fixtures/site"), root, { recursive: true });
  mkdirSync(path.join(root, "docs/.vitepress"), { recursive: true });
  writeFileSync(
    path.join(root, "docs/.vitepress/config.ts"),
    `import { withExemplar } from ${JSON.stringify(plugin)};
export default withExemplar(
  { title: "Fixture", themeConfig: { search: { provider: "local" } } },
  { root: ${JSON.stringify(root)}, config: { repository: "https://git.example/org/repo/blob/main", jobs: 1 } },
);
`,
  );
  return root;
}

/** A port nothing listens on: Vite reads port 0 as "the default port". */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("the built site", () => {
  let root: string;
  let html: string;
  beforeAll(async () => {
    root = copySite();
    await build(path.join(root, "docs"), { outDir: path.join(root, "dist") });
    html = readFileSync(path.join(root, "dist/index.html"), "utf8");
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("shows the example's code, without its hidden lines", () => {
    expect(text(html)).toContain("console.log(`hello, ${name}`);");
    expect(text(html)).not.toContain('const name = "docs"');
  });

  it("shows the output the example printed in this build", () => {
    expect(text(html)).toMatch(/It prints:\s*text\s*hello, docs/);
  });

  it("marks each keyed block as verified, with a link to the example's source", () => {
    expect(html.match(/class="exemplar-verified"/g)).toHaveLength(3);
    expect(html).toContain('href="https://git.example/org/repo/blob/main/examples/greet.ts#L6"');
  });

  it("lets local search find words that appear only in spliced code", () => {
    const chunks = path.join(root, "dist/assets/chunks");
    const index = readdirSync(chunks).find((file) => file.startsWith("@localSearchIndex"));
    expect(index).toBeDefined();
    expect(readFileSync(path.join(chunks, index!), "utf8")).toContain("zebrafinch");
  });

  it("fails while an example fails, naming it and showing the diff", async () => {
    const broken = copySite();
    try {
      const file = path.join(broken, "examples/greet.ts");
      writeFileSync(file, readFileSync(file, "utf8").replace(" * hello, docs", " * hello, world"));
      await expect(build(path.join(broken, "docs"), { outDir: path.join(broken, "dist") })).rejects.toThrow(
        /docs cannot be built while examples fail[\s\S]*greet\.hello[\s\S]*-hello, world\n\s*\+hello, docs/,
      );
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 120_000);
});

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
});
