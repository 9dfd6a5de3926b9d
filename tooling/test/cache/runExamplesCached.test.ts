import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openResultCache } from "../../src/cache/openResultCache.ts";
import { loadConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import { runExamples } from "../../src/run/runExamples.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** two example files; the setup notes each start in setup.log, and each example its run in runs.log */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-cached-run-"));
  roots.push(root);
  const example = (key: string) => `/**\n * @example ${key}\n * @expect\n * ${key}\n */\nexport function ${key.split(".")[1]}() { appendFileSync(${JSON.stringify(path.join(root, "runs.log"))}, "${key}\\n"); console.log("${key}"); }\n`;
  const files: Record<string, string> = {
    "package.json": '{ "type": "module" }',
    "exemplar.config.ts": 'export default { examples: ["examples/*.ts"], setup: "setup.ts", jobs: 1 };\n',
    "setup.ts": `import { appendFileSync } from "node:fs";\nexport default () => void appendFileSync(${JSON.stringify(path.join(root, "setup.log"))}, "setup\\n");\n`,
    "examples/a.ts": `import { appendFileSync } from "node:fs";\n${example("a.one")}${example("a.two")}`,
    "examples/b.ts": `import { appendFileSync } from "node:fs";\n${example("b.one")}`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  writeFileSync(path.join(root, "runs.log"), "");
  writeFileSync(path.join(root, "setup.log"), "");
  const log = (name: string) => readFileSync(path.join(root, name), "utf8").split("\n").filter(Boolean);
  const run = async () => {
    const config = await loadConfig(root);
    const opened = await openProject(config, { pages: false });
    const told: string[] = [];
    const result = await runExamples(opened, {}, { cache: openResultCache(config, opened), onResult: (_, done, total) => told.push(`${done}/${total}`) });
    return { result, told };
  };
  return { root, log, run };
}

describe("runExamples with a result cache", () => {
  it("runs nothing, starts no setup, and keeps every verdict when no input changed", async () => {
    const fixture = project();
    const first = await fixture.run();
    expect(first.result.verdicts.map((verdict) => [verdict.example.key, verdict.status, verdict.cached ?? false])).toEqual([["a.one", "passed", false], ["a.two", "passed", false], ["b.one", "passed", false]]);
    const second = await fixture.run();
    expect(second.result.verdicts.map((verdict) => [verdict.example.key, verdict.status, verdict.cached, verdict.result.stdout])).toEqual([
      ["a.one", "passed", true, "a.one\n"], ["a.two", "passed", true, "a.two\n"], ["b.one", "passed", true, "b.one\n"],
    ]);
    expect(second.told).toEqual(["1/3", "2/3", "3/3"]);
    expect(fixture.log("runs.log")).toEqual(["a.one", "a.two", "b.one"]);
    expect(fixture.log("setup.log")).toEqual(["setup"]);
  }, 60_000);

  it("runs only the examples of a file that changed, with the setup, and counts the others as done", async () => {
    const fixture = project();
    await fixture.run();
    writeFileSync(path.join(fixture.root, "examples/b.ts"), `${readFileSync(path.join(fixture.root, "examples/b.ts"), "utf8")}// changed\n`);
    const again = await fixture.run();
    expect(again.result.verdicts.map((verdict) => [verdict.example.key, verdict.cached ?? false])).toEqual([["a.one", true], ["a.two", true], ["b.one", false]]);
    expect(again.told).toEqual(["1/3", "2/3", "3/3"]);
    expect(fixture.log("runs.log")).toEqual(["a.one", "a.two", "b.one", "b.one"]);
    expect(fixture.log("setup.log")).toEqual(["setup", "setup"]);
  }, 60_000);
});

describe("the docs site's first run with a result cache", () => {
  it("shows what an earlier run passed without running it, marked with the commit that run ran at", async () => {
    const { cpSync, mkdtempSync: temp } = await import("node:fs");
    const { fileURLToPath } = await import("node:url");
    const { createExemplarSite } = await import("../../src/vitepress/createExemplarSite.ts");
    const { commitAll, git } = await import("../vitepress/gitFixture.ts");
    const saved = { cache: process.env["EXEMPLAR_CACHE"], log: process.env["SETUP_LOG"], reset: process.env["SETUP_RESET"] };
    const root = temp(path.join(tmpdir(), "exemplar-site-cache-"));
    roots.push(root);
    cpSync(fileURLToPath(new URL("../vitepress/fixtures/site-with-setup", import.meta.url)), root, { recursive: true });
    Object.assign(process.env, { EXEMPLAR_CACHE: "1", SETUP_LOG: path.join(root, "setup.log"), SETUP_RESET: "0" });
    try {
      const ranAt = commitAll(root);
      const page = path.join(root, "docs/index.md");
      const show = async () => {
        const site = createExemplarSite({ root, config: { setup: "setup.ts", jobs: 1 } });
        await site.ready;
        const shown = site.splice(page, readFileSync(page, "utf8"));
        const cached = site.report().verdicts.map((verdict) => verdict.cached ?? false);
        await site.close();
        return { text: shown.text, revision: Object.values(shown.fences)[0]?.revision, cached };
      };
      const first = await show();
      expect(first).toMatchObject({ text: "```text example-output=greet.env\nhello from setup\n```\n", revision: { commit: ranAt }, cached: [false] });
      // a later commit that changes none of the example's inputs
      writeFileSync(path.join(root, "NOTES.md"), "notes\n");
      git(root, "add", "--all");
      git(root, "commit", "--quiet", "--no-gpg-sign", "-m", "notes");
      expect(git(root, "rev-parse", "HEAD")).not.toBe(ranAt);
      const again = await show();
      expect(again.text).toBe(first.text);
      expect(again.revision).toMatchObject({ commit: ranAt });
      expect(again.cached).toEqual([true]);
    } finally {
      for (const [name, value] of [["EXEMPLAR_CACHE", saved.cache], ["SETUP_LOG", saved.log], ["SETUP_RESET", saved.reset]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }, 120_000);
});
