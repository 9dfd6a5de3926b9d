import { describe, expect, it } from "vitest";
import type { ProjectFacts } from "../../src/init/ProjectFacts.ts";
import { planInit } from "../../src/init/planInit.ts";

const facts = (overrides: Partial<ProjectFacts> = {}): ProjectFacts => ({ vitepress: false, readme: false, existing: new Set(), ...overrides });
const paths = (files: Array<{ path: string }>) => files.map((file) => file.path);

describe("planInit", () => {
  it("plans the config, an example, a page and a workflow in a project without VitePress", () => {
    const plan = planInit(facts(), { readme: false });
    expect(paths(plan.write)).toEqual(["exemplar.config.ts", "examples/hello.ts", "docs/index.md", ".github/workflows/docs.yml", ".gitignore"]);
    expect(plan.write[4]).toMatchObject({ text: "# Exemplar's caches (verdicts, parsed example files): safe to delete\n.exemplar-cache/\n" });
    expect(plan.write[4]!.append).toBeUndefined();
    expect(plan.skipped).toEqual([]);
    expect(plan.write[0]!.text).toContain('docs: "docs"');
    // plain Markdown is spliced and committed: the workflow checks it is up to date
    expect(plan.write[3]!.text).toContain("npx exemplar splice --check");
    expect(plan.next[2]).toMatch(/^git add/);
  });

  it("adds the VitePress config with withExemplar when VitePress is a dependency, and builds the site in the workflow", () => {
    const plan = planInit(facts({ vitepress: true }), { readme: false });
    expect(paths(plan.write)).toContain("docs/.vitepress/config.mts");
    expect(plan.write.find((file) => file.path === "docs/.vitepress/config.mts")!.text).toContain('import { withExemplar } from "@exemplar/tooling/vitepress";');
    expect(plan.write.find((file) => file.path === ".github/workflows/docs.yml")!.text).toContain("npx vitepress build docs");
    expect(plan.next[2]).toMatch(/^npx vitepress dev docs/);
  });

  it("never plans a file that exists: it says what to do with a VitePress config that has no withExemplar", () => {
    const plan = planInit(facts({ vitepress: true, vitepressConfig: "docs/.vitepress/config.ts", existing: new Set(["exemplar.config.ts", "docs/index.md"]) }), { readme: false });
    expect(paths(plan.write)).toEqual(["examples/hello.ts", ".github/workflows/docs.yml", ".gitignore"]);
    expect(plan.skipped).toEqual([
      { path: "exemplar.config.ts", reason: "exists; left as it is" },
      { path: "docs/index.md", reason: "exists; left as it is" },
      { path: "docs/.vitepress/config.ts", reason: 'exists: wrap its config in withExemplar (import { withExemplar } from "@exemplar/tooling/vitepress")' },
    ]);
  });

  it("adds .exemplar-cache/ to an existing .gitignore, once, on a line of its own", () => {
    const plan = planInit(facts({ gitignore: "node_modules" }), { readme: false });
    expect(plan.write.find((file) => file.path === ".gitignore")).toMatchObject({ append: true, text: "\n# Exemplar's caches (verdicts, parsed example files): safe to delete\n.exemplar-cache/\n" });
    for (const line of [".exemplar-cache", ".exemplar-cache/", "/.exemplar-cache/", "  .exemplar-cache  "]) {
      expect(paths(planInit(facts({ gitignore: `node_modules/\r\n${line}\r\n` }), { readme: false }).write), line).not.toContain(".gitignore");
    }
    // a name that merely contains it is not it
    expect(paths(planInit(facts({ gitignore: "old.exemplar-cache-backup\n" }), { readme: false }).write)).toContain(".gitignore");
  });

  it("with --readme: a section at the end of the README, once, and the docs read from the root", () => {
    const plan = planInit(facts({ readme: true, readmeText: "# lib\n" }), { readme: true });
    expect(plan.write.find((file) => file.path === "README.md")).toMatchObject({ append: true, text: expect.stringContaining("```ts example=hello.world") });
    expect(plan.write[0]!.text).toContain('docs: "."');
    expect(paths(plan.write)).not.toContain("docs/index.md");
    const again = planInit(facts({ readme: true, readmeText: "# lib\n```ts example=hello.world\n```\n" }), { readme: true });
    expect(again.skipped).toContainEqual({ path: "README.md", reason: "already shows hello.world" });
    expect(planInit(facts(), { readme: true }).skipped).toContainEqual({ path: "README.md", reason: "not found: --readme keys an existing README" });
  });
});
