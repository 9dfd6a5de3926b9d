import { expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { parseProject } from "../../src/project/parseProject.ts";
import { checkReport } from "../../src/report/checkReport.ts";
import { reporters } from "../../src/report/reporters.ts";
import { verdict } from "../splice/fixtureContext.ts";
import { exampleFile } from "../vitepress/fakeRuns.ts";

const project = parseProject({ config: resolveConfig({}, "/project"), sources: [{ file: "examples/a.ts", text: exampleFile("a.one", "a.two") }] });
const run = { examples: project.examples, verdicts: [verdict(project.examples[0]!, "passed", "a.one ran\n")], ran: true, durationMs: 12 };

test("assembles the project's problems, the run's verdicts and what else the check found", () => {
  const typeErrors = [{ file: "examples/a.ts", line: 3, column: 1, message: "Type 'string' is not assignable to type 'number'." }];
  const updates = { updated: [{ key: "a.one", file: "examples/a.ts", line: 6 }], notUpdated: [] };
  const report = checkReport(project, run, { typeErrors, updates, timings: { open: 3, run: 12 }, durationMs: 20 });
  expect(report).toEqual({
    problems: [], standAlone: [], typeErrors, examples: project.examples, verdicts: run.verdicts,
    updated: updates.updated, notUpdated: [], durationMs: 20, timings: { open: 3, run: 12 },
  });
});

test("without findings: the run's duration, no docs, and the reporters print it", () => {
  const report = checkReport(project, run);
  expect(report).toMatchObject({ typeErrors: [], updated: [], notUpdated: [], durationMs: 12, timings: { run: 12 } });
  expect(report.docs).toBeUndefined();
  expect(JSON.parse(reporters.json(report, "/project")).summary).toEqual({ passed: 1, failed: 0, skipped: 0, durationMs: 12 });
});

test("keeps the stand-alone problems of the examples the run selected, as it keeps their verdicts", () => {
  const text = [
    "/**\n * @example b.hidden\n * @expect\n */",
    "export function hidden() {\n  const dir = \"/tmp\"; // hide\n  console.log(dir);\n}",
    "/**\n * @example b.clean\n * @expect\n */",
    "export function clean() {\n  console.log(1);\n}",
  ].join("\n");
  const shown = parseProject({ config: resolveConfig({}, "/project"), sources: [{ file: "examples/b.ts", text }] });
  const [hidden, clean] = shown.examples;
  const all = { examples: shown.examples, verdicts: [], ran: true, durationMs: 1 };
  expect(checkReport(shown, all).standAlone!.map((problem) => `${problem.key} ${problem.name} ${problem.line}:${problem.column}`)).toEqual(["b.hidden dir 7:15"]);
  expect(checkReport(shown, { ...all, examples: [clean!] }).standAlone).toEqual([]);
  expect(checkReport(shown, { ...all, examples: [hidden!] }).standAlone).toHaveLength(1);
});

test("names the page blocks that show a snippet with a stand-alone problem, when the docs were checked", () => {
  const text = ["/**", " * @example b.hidden", " * @expect", " */", "export function hidden() {", '  const dir = "/tmp"; // hide', "  console.log(dir);", "}"].join("\n");
  const shown = parseProject({ config: resolveConfig({}, "/project"), sources: [{ file: "examples/b.ts", text }] });
  const run = { examples: shown.examples, verdicts: [], ran: true, durationMs: 1 };
  const usages = new Map([["b.hidden", [
    { file: "docs/a.md", line: 12, kind: "code" as const },
    { file: "docs/a.md", line: 20, kind: "output" as const },
    { file: "docs/b.md", line: 3, kind: "code" as const, heading: "Usage" },
  ]]]);
  const docs = { pages: 2, blocks: 3, errors: [], warnings: [], usages };
  expect(checkReport(shown, run, { docs }).standAlone!.map((problem) => problem.shownIn)).toEqual([[{ file: "docs/a.md", line: 12 }, { file: "docs/b.md", line: 3 }]]);
  expect(checkReport(shown, run).standAlone![0]!.shownIn).toBeUndefined();
});
