import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { parseExampleSource } from "../../src/find/parseExampleSource.ts";
import { openProject } from "../../src/project/openProject.ts";
import { formatProblem } from "../../src/records/Problem.ts";
import type { Project } from "../../src/records/Project.ts";
import { splice } from "../../src/splice/splice.ts";
import { fixtures, verdict } from "./fixtureContext.ts";

// counted, so that a test can tell whether splicing parses an example file again
vi.mock("../../src/find/parseExampleSource.ts", async (original) => {
  const actual = await original<typeof import("../../src/find/parseExampleSource.ts")>();
  return { ...actual, parseExampleSource: vi.fn(actual.parseExampleSource) };
});

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "exemplar-splice-"));
  cpSync(path.join(fixtures, "project"), root, { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const open = (docs = "docs") => openProject(resolveConfig({ docs }, root));
/** every example of the project passed, printing `fake KEY` */
const passing = (project: Project) => project.examples.map((example) => verdict(example, "passed", `fake ${example.key}\n`));

test("splices every page in memory from the project and the verdicts, and writes nothing", async () => {
  const project = await open();
  const spliced = splice(project, passing(project));
  expect(spliced.pages.map((page) => [page.file, page.path === path.join(root, page.file), page.after === page.before])).toEqual([
    ["docs/guide.md", true, false],
    ["docs/index.md", true, true],
  ]);
  expect(spliced.pages[0]!.after).toContain("```text example-output=greeting.hello\nfake greeting.hello\n```");
  expect(spliced.pages[0]!.warnings.map(formatProblem)).toEqual([
    "docs/guide.md:20:1: untested `ts` snippet: add `example=KEY` to show a tested example, or `static` to keep it as is",
  ]);
  expect(spliced.errors).toEqual([]);
  expect(spliced.warnings.map(formatProblem)).toEqual([
    "examples/greeting.ts:21: example `greeting.fails` is not shown on any page: add a fenced block with `example=greeting.fails` to a page of the docs",
  ]);
  expect([...spliced.usages]).toEqual([
    ["greeting.hello", [
      { file: "docs/guide.md", line: 9, kind: "code", heading: "Greeting" },
      { file: "docs/guide.md", line: 15, kind: "output", heading: "Greeting" },
    ]],
  ]);
});

test("never reads a file nor parses an example file again: the project holds what it needs", async () => {
  const project = await open();
  const parses = vi.mocked(parseExampleSource).mock.calls.length;
  rmSync(path.join(root, "docs"), { recursive: true });
  rmSync(path.join(root, "examples"), { recursive: true });
  const spliced = splice(project, passing(project));
  expect(vi.mocked(parseExampleSource).mock.calls.length).toBe(parses);
  expect(spliced.pages[0]!.after).toContain("```ts example=greeting.hello {2}\nimport { greet, type Greeting }");
});

test("with strict, orphans and snippets are errors", async () => {
  const project = await open();
  const spliced = splice(project, passing(project), { strict: true });
  expect(spliced.errors.map((problem) => problem.message)).toEqual([expect.stringMatching(/^example `greeting\.fails` is not shown/)]);
  expect(spliced.pages[0]!.errors.map((problem) => problem.message)).toEqual([expect.stringMatching(/^untested `ts` snippet/)]);
  expect(spliced.pages[0]!.after).toBe(spliced.pages[0]!.before);
});

test("code blocks need no verdicts", async () => {
  mkdirSync(path.join(root, "code-only"));
  writeFileSync(path.join(root, "code-only", "a.md"), "```ts example=greeting.fails\n```\n");
  const spliced = splice(await open("code-only"));
  expect(spliced.pages[0]!.errors).toEqual([]);
  expect(spliced.pages[0]!.after).toBe('```ts example=greeting.fails\nconsole.log("something else");\n```\n');
});

test("an output block whose example has no verdict, or failed, is an error and the page keeps its text", async () => {
  const project = await open();
  const hello = project.examples.find((example) => example.key === "greeting.hello")!;
  for (const verdicts of [[], [verdict(hello, "failed", "oops\n", "stdout does not match @expect")]]) {
    const [page] = splice(project, verdicts).pages;
    expect(page!.errors.map((problem) => problem.message)).toEqual([expect.stringMatching(/^`example-output=greeting\.hello`: example examples\/greeting\.ts:\d+ (did not run|failed in this run)/)]);
    expect(page!.after).toBe(page!.before);
  }
});

test("problems in the example files stop everything", async () => {
  writeFileSync(path.join(root, "examples", "bad.ts"), "/**\n * @example Bad_Key\n */\nexport function f() {}\n");
  const spliced = splice(await open());
  expect(spliced.pages).toEqual([]);
  expect(spliced.errors.map(formatProblem)).toEqual([expect.stringMatching(/^examples\/bad\.ts:2:\d+: invalid example key `Bad_Key`/)]);
});

test("a project without its docs folder is a configuration error", async () => {
  const project = await open("nowhere");
  expect(project.pages).toBeUndefined();
  expect(() => splice(project)).toThrow(expect.objectContaining({
    code: "EXEMPLAR_DOCS_NOT_FOUND",
    message: `docs folder not found: ${path.join(root, "nowhere")} (set \`docs\` in the config or pass --docs DIR)`,
  }));
});
