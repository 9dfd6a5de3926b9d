import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
// the MiniSearch that VitePress's local search uses (a dependency of vitepress)
import MiniSearch from "minisearch";
import { build } from "vitepress";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { commitAll } from "./gitFixture.ts";
import { copySite, text } from "./siteFixture.ts";

// the dev server runs in site.dev.test.ts: a build in the same process leaves Vite in production mode

describe("the built site", () => {
  let root: string;
  let html: string;
  let commit: string;
  let logged: string[] = [];
  beforeAll(async () => {
    // a git repository of its own, with a remote and no `repository` in the config
    root = copySite({ repository: null });
    writeFileSync(path.join(root, ".gitignore"), "dist/\ndocs/.vitepress/cache/\n");
    commit = commitAll(root, "git@github.com:org/repo.git");
    const info = vi.spyOn(console, "info");
    try {
      await build(path.join(root, "docs"), { outDir: path.join(root, "dist") });
      logged = info.mock.calls.map((args) => args.join(" "));
    } finally {
      info.mockRestore();
    }
    html = readFileSync(path.join(root, "dist/index.html"), "utf8");
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("says once what its examples did, as exemplar check's summary does", () => {
    expect(logged.filter((line) => line.startsWith("exemplar: Examples: "))).toEqual([expect.stringMatching(/^exemplar: Examples: [1-9]\d* passed, 0 failed$/)]);
  });

  it("shows the example's code, without its hidden lines", () => {
    expect(text(html)).toContain("console.log(`hello, ${name}`);");
    expect(text(html)).not.toContain('const name = "docs"');
  });

  it("shows the output the example printed in this build, captioned as its output", () => {
    expect(text(html)).toMatch(/It prints:\s*Output\s*text\s*hello, docs/);
    expect(html).toContain('<figure class="exemplar-block exemplar-output" data-example="greet.hello" data-status="verified" aria-label="Output of example greet.hello"><figcaption class="exemplar-caption">Output</figcaption>');
  });

  it("marks each keyed block as verified at the commit it ran at, with that commit's date and a link to the example's line at that commit", () => {
    expect(html.match(/class="exemplar-verified"/g)).toHaveLength(3);
    // the commit's date (commitAll's), not the day of the build
    expect(text(html)).toContain(`✓ Verified: ran and passed at commit ${commit.slice(0, 7)} (2024-05-06) · examples/greet.ts:6`);
    expect(text(html)).toContain(`✓ Verified: printed this at commit ${commit.slice(0, 7)} (2024-05-06) · examples/greet.ts:6`);
    expect(html).toContain(`href="https://github.com/org/repo/blob/${commit}/examples/greet.ts#L6"`);
    expect(html).toContain(`href="https://github.com/org/repo/blob/${commit}/examples/greet.ts#L16"`);
  });

  it("says so when the working tree differs from the commit", async () => {
    const changed = copySite();
    try {
      writeFileSync(path.join(changed, ".gitignore"), "dist/\ndocs/.vitepress/cache/\n");
      commitAll(changed);
      writeFileSync(path.join(changed, "examples/greet.ts"), `// edited\n${readFileSync(path.join(changed, "examples/greet.ts"), "utf8")}`);
      await build(path.join(changed, "docs"), { outDir: path.join(changed, "dist") });
      const page = text(readFileSync(path.join(changed, "dist/index.html"), "utf8"));
      expect(page).toMatch(/✓ Verified: ran and passed at commit [0-9a-f]{7} \(2024-05-06\) \+ local changes · examples\/greet\.ts:7/);
      // the config's `repository`, as given
      expect(readFileSync(path.join(changed, "dist/index.html"), "utf8")).toContain('href="https://git.example/org/repo/blob/main/examples/greet.ts#L7"');
    } finally {
      rmSync(changed, { recursive: true, force: true });
    }
  }, 120_000);

  it("lets local search find words that appear only in spliced code", () => {
    const chunks = path.join(root, "dist/assets/chunks");
    const index = readdirSync(chunks).find((file) => file.startsWith("@localSearchIndex"));
    expect(index).toBeDefined();
    const searchIndex = readFileSync(path.join(chunks, index!), "utf8");
    expect(searchIndex).toContain("zebrafinch");
    // the marks are not indexed: a commit there would change the index with every commit
    expect(searchIndex).not.toContain(commit.slice(0, 7));
    expect(searchIndex).not.toContain("Verified");
  });

  it("ships a search index that finds a page's sections by a word of its spliced code", async () => {
    const index = await readSearchIndex(path.join(root, "dist"));
    expect(index.search("zebrafinch").map(({ id }) => id)).toEqual(["/#counting"]);
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

  it("builds an unchanged commit again byte for byte when its committed page shows an example's volatile output", async () => {
    const volatile = copySite({ repository: null });
    // what `exemplar splice --write` left in the page when it was committed: another run prints another id
    const shown = "saved model 0b5c5d3e-8f4a-4c1e-9a57-2f0e6c1d9b42";
    try {
      writeFileSync(path.join(volatile, ".gitignore"), "dist*/\ndocs/.vitepress/cache/\n");
      writeFileSync(path.join(volatile, "examples/volatile.ts"), "/**\n * @example greet.volatile\n * @expect\n * saved model {...}\n */\nexport function saved() {\n  console.log(`saved model ${crypto.randomUUID()}`);\n}\n");
      writeFileSync(path.join(volatile, "docs/volatile.md"), `# Volatile\n\n\`\`\`ts example=greet.volatile\n\`\`\`\n\n\`\`\`text example-output=greet.volatile\n${shown}\n\`\`\`\n`);
      commitAll(volatile);
      const builds = [];
      for (const outDir of ["dist-1", "dist-2"]) {
        rmSync(path.join(volatile, "docs/.vitepress/cache"), { recursive: true, force: true });
        await build(path.join(volatile, "docs"), { outDir: path.join(volatile, outDir) });
        builds.push(hashes(path.join(volatile, outDir)));
      }
      expect([...builds[0]!.keys()]).toContain("volatile.html");
      expect(builds[1]).toEqual(builds[0]);
      // readers see real output: the one the page was committed with, and the mark says it is an earlier run's
      expect(text(readFileSync(path.join(volatile, "dist-1/volatile.html"), "utf8"))).toMatch(/Output\s*text\s*saved model 0b5c5d3e-8f4a-4c1e-9a57-2f0e6c1d9b42\s*✓ Verified: ran and passed at commit \w+ \([\d-]+\) · output of an earlier run/);
    } finally {
      rmSync(volatile, { recursive: true, force: true });
    }
  }, 120_000);

  it("builds an unchanged commit again byte for byte whatever order local search indexes its pages in", async () => {
    const pages = ["index.md", "alpha.md", "beta.md", "gamma.md"];
    const site = copySite({ repository: null });
    const config = path.join(site, "docs/.vitepress/config.ts");
    // VitePress indexes pages concurrently and adds each one's sections when it is rendered; here
    // each page is held back by its place in a list, first to last in one build, last to first in the other
    writeFileSync(config, readFileSync(config, "utf8").replace('search: { provider: "local" }', `search: { provider: "local", options: { miniSearch: { async _splitIntoSections(file: string, html: string) {
      const pages = ${JSON.stringify(pages)};
      const place = pages.indexOf(file.split("/").pop()!);
      await new Promise((resolve) => setTimeout(resolve, 40 * (process.env.FIXTURE_SEARCH_ORDER === "reversed" ? pages.length - place : place)));
      return [{ anchor: "", titles: [/<h1[^>]*>([^<]*)/.exec(html)![1]!.trim()], text: html.replace(/<[^>]*>/g, "") }];
    } } } }`));
    try {
      writeFileSync(path.join(site, ".gitignore"), "dist*/\ndocs/.vitepress/cache/\n");
      for (const [i, page] of pages.slice(1).entries()) writeFileSync(path.join(site, "docs", page), `# Page ${page}\n\nWords of the ${page} page: word${i}, shared, words.\n`);
      commitAll(site);
      const builds = [];
      for (const order of ["first-to-last", "reversed"]) {
        rmSync(path.join(site, "docs/.vitepress/cache"), { recursive: true, force: true });
        process.env.FIXTURE_SEARCH_ORDER = order;
        await build(path.join(site, "docs"), { outDir: path.join(site, `dist-${order}`) });
        builds.push(hashes(path.join(site, `dist-${order}`)));
      }
      expect([...builds[0]!.keys()].filter((file) => file.endsWith(".html")).sort()).toEqual(["404.html", "alpha.html", "beta.html", "gamma.html", "index.html"]);
      expect(builds[1]).toEqual(builds[0]);
      // and the index finds each page by its words
      const index = await readSearchIndex(path.join(site, "dist-reversed"));
      expect(index.search("word1").map(({ id }) => id)).toEqual(["/beta.html"]);
      expect(index.search("shared").map(({ id }) => id).sort()).toEqual(["/alpha.html", "/beta.html", "/gamma.html"]);
    } finally {
      delete process.env.FIXTURE_SEARCH_ORDER;
      rmSync(site, { recursive: true, force: true });
    }
  }, 120_000);
});

/** The local search index a build ships, loaded as its search box loads it (with VitePress's options). */
async function readSearchIndex(dist: string): Promise<MiniSearch> {
  const chunks = path.join(dist, "assets/chunks");
  const chunk = readdirSync(chunks).find((file) => file.startsWith("@localSearchIndexroot"))!;
  const { default: json } = (await import(pathToFileURL(path.join(chunks, chunk)).href)) as { default: string };
  return MiniSearch.loadJSON(json, { fields: ["title", "titles", "text"], storeFields: ["title", "titles"] });
}

/** Each file of a build (relative path) to the hash of its bytes. */
function hashes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), createHash("sha256").update(readFileSync(path.join(entry.parentPath, entry.name))).digest("hex"));
  }
  return files;
}
