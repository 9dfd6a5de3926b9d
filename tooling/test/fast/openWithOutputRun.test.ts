import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { mentionedOutputKeys, openWithOutputRun } from "../../src/fast/openWithOutputRun.ts";
import { fixtures } from "../splice/fixtureContext.ts";

const root = mkdtempSync(path.join(tmpdir(), "exemplar-output-run-"));
cpSync(path.join(fixtures, "project"), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** a docs folder of its own holding one page */
function docs(name: string, page: string): string {
  mkdirSync(path.join(root, name), { recursive: true });
  writeFileSync(path.join(root, name, "a.md"), page);
  return name;
}
const open = (docsFolder: string, setup?: string) => openWithOutputRun(resolveConfig({ docs: docsFolder, jobs: 1, ...(setup ? { setup } : {}) }, root));

test("finds the keys by text: every example-output word, in blocks or prose", () => {
  expect([...mentionedOutputKeys([{ text: "```text example-output=a.one {2}\n```\nsee `example-output=b.two`\n" }, { text: "no output" }])]).toEqual(["a.one", "b.two"]);
});

test("runs only the examples whose output a page shows, and opens the whole project", async () => {
  const { project, run } = await open("docs");
  expect(run!.examples.map((example) => example.key)).toEqual(["greeting.hello"]);
  expect(run!.verdicts.map((verdict) => verdict.status)).toEqual(["passed"]);
  expect(project.examples.map((example) => example.key)).toEqual(["greeting.hello", "greeting.fails"]);
  expect(project.pages!.map((page) => page.file)).toEqual(["docs/guide.md", "docs/index.md"]);
});

test("runs nothing when no page shows an output", async () => {
  const { project, run } = await open(docs("code-only", "```ts example=greeting.hello\n```\n"));
  expect(run).toBeUndefined();
  expect(project.pages![0]!.found.blocks.map((block) => block.kind)).toEqual(["code"]);
});

test("an output only prose mentions runs, but nothing waits for it: its failure is not the splice's", async () => {
  const { run } = await open(docs("prose", "Show output with `example-output=greeting.hello`.\n"), "missing-setup.ts");
  expect(run).toBeUndefined();
});

test("a run that fails while an output block waits for it fails the call", async () => {
  await expect(open("docs", "missing-setup.ts")).rejects.toMatchObject({ code: "EXEMPLAR_SETUP_NOT_FOUND" });
});

test("runs nothing when the example files have problems, and still reads the pages", async () => {
  writeFileSync(path.join(root, "examples", "bad.ts"), "/**\n * @example Bad_Key\n */\nexport function f() {}\n");
  try {
    const { project, run } = await open("docs");
    expect(run).toBeUndefined();
    expect(project.problems.map((problem) => problem.file)).toEqual(["examples/bad.ts"]);
    expect(project.pages).toHaveLength(2);
  } finally {
    rmSync(path.join(root, "examples", "bad.ts"));
  }
});
