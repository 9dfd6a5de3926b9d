import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { CheckReport } from "../../src/checkProject.ts";
import { resolveConfig, type ResolvedConfig } from "../../src/config/loadConfig.ts";
import { readExampleFiles } from "../../src/files/readExampleFiles.ts";
import { findExamples, type FoundExamples } from "../../src/find/findExamples.ts";
import { formatProblem } from "../../src/find/Problem.ts";
import { spliceDocs } from "../../src/splice/spliceDocs.ts";
import { fixtures, verdict } from "./fixtureContext.ts";

// counted, so that a test can tell how often the example files are parsed
vi.mock("../../src/find/findExamples.ts", async (original) => {
  const actual = await original<typeof import("../../src/find/findExamples.ts")>();
  return { ...actual, findExamples: vi.fn(actual.findExamples) };
});

let root: string;
let runs: number;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "exemplar-splice-docs-"));
  cpSync(path.join(fixtures, "project"), root, { recursive: true });
  runs = 0;
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Stands in for `checkProject`: every example passes and prints `fake KEY`. */
async function fakeRun(config: ResolvedConfig): Promise<Pick<CheckReport, "problems" | "verdicts">> {
  runs++;
  const { examples } = findExamples(await readExampleFiles(config.root, config.examples));
  return { problems: [], verdicts: examples.map((example) => verdict(example, "passed", `fake ${example.key}\n`)) };
}

const config = (docs = "docs") => resolveConfig({ docs }, root);

test("splices every page in memory, runs the examples once for the output blocks, writes nothing", async () => {
  const report = await spliceDocs(config(), { run: fakeRun });
  expect(runs).toBe(1);
  expect(report.ran).toBe(true);
  expect(report.pages.map((page) => [page.file, page.path === path.join(root, page.file), page.after === page.before])).toEqual([
    ["docs/guide.md", true, false],
    ["docs/index.md", true, true],
  ]);
  expect(report.pages[0]!.after).toContain("```text example-output=greeting.hello\nfake greeting.hello\n```");
  expect(report.pages[0]!.warnings.map(formatProblem)).toEqual([
    "docs/guide.md:20:1: untested `ts` snippet: add `example=KEY` to show a tested example, or `static` to keep it as is",
  ]);
  expect(report.errors).toEqual([]);
  expect(report.warnings.map(formatProblem)).toEqual([
    "examples/greeting.ts:21: example `greeting.fails` is not shown on any page: add a fenced block with `example=greeting.fails` to a page of the docs",
  ]);
  expect([...report.usages]).toEqual([
    ["greeting.hello", [
      { file: "docs/guide.md", line: 9, kind: "code", heading: "Greeting" },
      { file: "docs/guide.md", line: 15, kind: "output", heading: "Greeting" },
    ]],
  ]);
});

test("with strict, orphans and snippets are errors", async () => {
  const report = await spliceDocs(config(), { run: fakeRun, strict: true });
  expect(report.errors.map((problem) => problem.message)).toEqual([expect.stringMatching(/^example `greeting\.fails` is not shown/)]);
  expect(report.pages[0]!.errors.map((problem) => problem.message)).toEqual([expect.stringMatching(/^untested `ts` snippet/)]);
  expect(report.pages[0]!.after).toBe(report.pages[0]!.before);
});

test("the examples do not run when no page shows an output", async () => {
  mkdirSync(path.join(root, "code-only"));
  writeFileSync(path.join(root, "code-only", "a.md"), "```ts example=greeting.fails\n```\n");
  const report = await spliceDocs(config("code-only"), { run: fakeRun });
  expect(runs).toBe(0);
  expect(report.ran).toBe(false);
  expect(report.pages[0]!.after).toBe('```ts example=greeting.fails\nconsole.log("something else");\n```\n');
});

test("only the examples whose output some page shows run", async () => {
  const selected: string[] = [];
  const report = await spliceDocs(config(), {
    run: async (config, { select }) => {
      const { examples } = findExamples(await readExampleFiles(config.root, config.examples));
      selected.push(...examples.filter((example) => select?.(example) ?? true).map((example) => example.key));
      return fakeRun(config);
    },
  });
  expect(selected).toEqual(["greeting.hello"]);
  expect(report.pages[0]!.after).toContain("```text example-output=greeting.hello\nfake greeting.hello\n```");
});

test("the run and the splice share one find of the example files", async () => {
  let handed: FoundExamples | undefined;
  const parses = vi.mocked(findExamples).mock.calls.length;
  const report = await spliceDocs(config(), {
    run: async (config, { sources, find }) => {
      handed = find!(sources!);
      return fakeRun(config);
    },
  });
  // one parse for both (the fake run's own find is the other call)
  expect(vi.mocked(findExamples).mock.calls.length - parses).toBe(2);
  expect(handed!.examples.map((example) => example.key)).toEqual(["greeting.hello", "greeting.fails"]);
  expect(report.pages[0]!.after).toContain("```text example-output=greeting.hello\nfake greeting.hello\n```");
});

test("an output that only prose mentions starts a run whose results nothing shows", async () => {
  mkdirSync(path.join(root, "prose"));
  writeFileSync(path.join(root, "prose", "a.md"), "Show output with `example-output=greeting.hello`.\n\n```ts example=greeting.hello\n```\n");
  const failing = async () => {
    runs++;
    throw new Error("setup failed");
  };
  const report = await spliceDocs(config("prose"), { run: failing });
  expect(runs).toBe(1);
  expect(report.ran).toBe(false);
  expect(report.errors).toEqual([]);
  expect(report.pages[0]!.errors).toEqual([]);
  expect(report.pages[0]!.after).toContain("```ts example=greeting.hello\nimport { greet, type Greeting }");
});

test("a run that fails while output blocks wait for it fails the splice", async () => {
  await expect(spliceDocs(config(), { run: async () => Promise.reject(new Error("setup failed")) })).rejects.toThrow("setup failed");
});

test("the report says how long each phase took", async () => {
  const withRun = await spliceDocs(config(), { run: fakeRun });
  expect(Object.keys(withRun.timings).sort()).toEqual(["find", "parse", "read", "run", "splice"]);
  expect(Object.values(withRun.timings).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
  mkdirSync(path.join(root, "code-only"));
  writeFileSync(path.join(root, "code-only", "a.md"), "```ts example=greeting.hello\n```\n");
  const codeOnly = await spliceDocs(config("code-only"), { run: fakeRun });
  expect(Object.keys(codeOnly.timings).sort()).toEqual(["find", "parse", "read", "splice"]);
});

test("problems in the example files stop everything, and the run is handed the same files", async () => {
  writeFileSync(path.join(root, "examples", "bad.ts"), "/**\n * @example Bad_Key\n */\nexport function f() {}\n");
  const handed: string[][] = [];
  const report = await spliceDocs(config(), {
    // the real run (checkProject) finds the same problem in these files and runs nothing
    run: async (_config, { sources }) => {
      handed.push((sources ?? []).map((source) => source.file));
      return { problems: findExamples(sources ?? []).problems, verdicts: [] };
    },
  });
  expect(handed).toEqual([["examples/bad.ts", "examples/greeting.ts", "examples/lib/greet.ts"]]);
  expect(report.pages).toEqual([]);
  expect(report.ran).toBe(false);
  expect(report.errors.map(formatProblem)).toEqual([expect.stringMatching(/^examples\/bad\.ts:2:\d+: invalid example key `Bad_Key`/)]);
});

test("a docs folder that does not exist is a configuration error", async () => {
  await expect(spliceDocs(config("nowhere"), { run: fakeRun })).rejects.toMatchObject({
    code: "EXEMPLAR_DOCS_NOT_FOUND",
    message: `docs folder not found: ${path.join(root, "nowhere")} (set \`docs\` in the config or pass --docs DIR)`,
  });
});
