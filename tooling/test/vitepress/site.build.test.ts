import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "vitepress";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySite, text } from "./siteFixture.ts";

// the dev server runs in site.dev.test.ts: a build in the same process leaves Vite in production mode

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

