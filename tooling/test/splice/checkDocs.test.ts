import path from "node:path";
import { expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { checkDocsLazily } from "../../src/fast/checkDocsLazily.ts";
import { openProject } from "../../src/project/openProject.ts";
import { readProject } from "../../src/project/readProject.ts";
import { parseExamples } from "../../src/project/parseExamples.ts";
import { checkDocs } from "../../src/splice/checkDocs.ts";
import { fixtures, verdict } from "./fixtureContext.ts";

const config = resolveConfig({}, path.join(fixtures, "project"));

test("parses the pages and checks their blocks against the verdicts, as check reports them", async () => {
  const texts = await readProject(config);
  const project = parseExamples(texts);
  const hello = project.examples.find((example) => example.key === "greeting.hello")!;
  const passed = checkDocs(project, texts.pages!, [verdict(hello, "passed", "Hello, docs!\n")]);
  expect({ ...passed, usages: [...passed.usages.keys()] }).toEqual({
    pages: 2,
    blocks: 2,
    errors: [],
    warnings: [expect.objectContaining({ file: "examples/greeting.ts", line: 21 }), expect.objectContaining({ file: "docs/guide.md", line: 20 })],
    usages: ["greeting.hello"],
  });
  const failed = checkDocs(project, texts.pages!, [verdict(hello, "failed", "oops\n", "stdout does not match @expect")]);
  expect(failed.errors.map((problem) => `${problem.file}:${problem.line}`)).toEqual(["docs/guide.md:15"]);
  // the same, its module loaded on first use
  expect(await checkDocsLazily(project, texts.pages!, [])).toEqual(checkDocs(project, texts.pages!, []));
  // and the same blocks as the open stage finds
  expect((await openProject(config)).pages!.reduce((sum, page) => sum + page.found.blocks.length, 0)).toBe(passed.blocks);
});
