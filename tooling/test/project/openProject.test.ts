import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import { parseProject } from "../../src/project/parseProject.ts";
import { readProject } from "../../src/project/readProject.ts";
import { fixtures } from "../splice/fixtureContext.ts";

const root = path.join(fixtures, "project");
const config = (docs = "docs") => resolveConfig({ examples: ["examples/**/*.ts"], docs }, root);

describe("openProject", () => {
  it("reads the example files and pages and parses each once: examples, problems, trees, blocks", async () => {
    const project = await openProject(config());
    expect(project.sources.map((source) => source.file)).toEqual(["examples/greeting.ts", "examples/lib/greet.ts"]);
    expect(project.examples.map((example) => `${example.key} ${example.file}:${example.line}`)).toEqual([
      "greeting.hello examples/greeting.ts:9",
      "greeting.fails examples/greeting.ts:21",
    ]);
    expect(project.problems).toEqual([]);
    // the tree of each file is the one its examples were found in: splicing renders from it
    expect([...project.parsed.keys()]).toEqual(["examples/greeting.ts", "examples/lib/greet.ts"]);
    expect(project.parsed.get("examples/greeting.ts")!.text).toBe(project.sources[0]!.text);
    expect(project.pages!.map((page) => [page.file, page.path, page.found.blocks.map((block) => `${block.kind} ${block.key}:${block.line}`)])).toEqual([
      ["docs/guide.md", path.join(root, "docs", "guide.md"), ["code greeting.hello:9", "output greeting.hello:15"]],
      ["docs/index.md", path.join(root, "docs", "index.md"), []],
    ]);
  });

  it("has no pages when the docs folder does not exist, or when asked for none", async () => {
    expect((await openProject(config("nowhere"))).pages).toBeUndefined();
    expect((await openProject(config(), { pages: false })).pages).toBeUndefined();
  });

  it("is an error when a glob matches no file, naming the glob", async () => {
    await expect(openProject(resolveConfig({ examples: ["nothing/*.ts"] }, root))).rejects.toMatchObject({
      code: "EXEMPLAR_FILES_NOT_FOUND",
      message: `no example files match \`nothing/*.ts\` in ${root}`,
    });
  });

  it("is readProject then parseProject: reading and parsing apart, the second pure", async () => {
    const texts = await readProject(config());
    expect(texts.pages!.map((page) => page.file)).toEqual(["docs/guide.md", "docs/index.md"]);
    const fromTexts = parseProject(texts);
    const opened = await openProject(config());
    expect(fromTexts.examples).toEqual(opened.examples);
    expect(fromTexts.pages).toEqual(opened.pages);
  });
});
