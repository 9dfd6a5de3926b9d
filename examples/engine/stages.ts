import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkReport, docsFindings, formatSummary, openProject, parseProject, reporters, resolveConfig, runExamples, splice, summarize, swapFile } from "@exemplar/tooling";

/**
 * Open: the example files and pages, read once and parsed once, become one `Project` record.
 * `parseProject` takes texts already in memory (`openProject` reads them from disk first);
 * nothing runs.
 * @example engine.stages.open
 * @expect
 * example greet.hello at examples/greet.ts:6
 * block code greet.hello at docs/index.md:3
 * block output greet.hello at docs/index.md:6
 * problems: 0
 */
export function openStage() {
  const config = resolveConfig({ examples: ["examples/*.ts"] }, "/project");
  const example = ["/**", " * @example greet.hello", " * @expect", " * hello", " */", 'export const hello = () => console.log("hello");'].join("\n");
  const page = ["# Greeting", "", "```ts example=greet.hello", "```", "", "```text example-output=greet.hello", "```"].join("\n");
  const project = parseProject({
    config,
    sources: [{ file: "examples/greet.ts", text: example }],
    pages: [{ path: "/project/docs/index.md", file: "docs/index.md", text: page }],
  });
  for (const found of project.examples) console.log(`example ${found.key} at ${found.file}:${found.line}`);
  for (const block of project.pages![0]!.found.blocks) console.log(`block ${block.kind} ${block.key} at ${block.file}:${block.line}`);
  console.log(`problems: ${project.problems.length}`);
}

/**
 * The whole line on a project in a temporary folder: open, run, splice, report. Each stage takes
 * the records the one before it made; only `runExamples` runs code, and `splice` only reads the
 * project and the verdicts. `swapFile` is how the docs dev server takes in one saved file.
 * @example engine.stages.pipeline
 * @timeout 20000
 * @expect
 * ran 1 example: greet.hello passed
 * docs/index.md, spliced:
 * ```ts example=greet.hello
 * console.log("hello")
 * ```
 * ```text example-output=greet.hello
 * hello
 * ```
 * Examples: 1 passed, 0 failed; docs: 1 page, 2 keyed blocks, 0 errors
 * after a save: greet.hello, greet.bye
 */
export async function wholePipeline() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-stages-"));
  mkdirSync(path.join(root, "examples"));
  mkdirSync(path.join(root, "docs"));
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
  const example = ["/**", " * @example greet.hello", " * @expect", " * hello", " */", 'export const hello = () => console.log("hello");', ""];
  writeFileSync(path.join(root, "examples", "greet.ts"), example.join("\n"));
  writeFileSync(path.join(root, "docs", "index.md"), ["```ts example=greet.hello", "```", "```text example-output=greet.hello", "```", ""].join("\n"));

  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root));
  const run = await runExamples(project);
  console.log(`ran ${run.verdicts.length} example: ${run.verdicts.map((verdict) => `${verdict.example.key} ${verdict.status}`).join(", ")}`);

  const spliced = splice(project, run.verdicts);
  console.log(`${spliced.pages[0]!.file}, spliced:\n${spliced.pages[0]!.after.trimEnd()}`);

  const docs = docsFindings(spliced);
  const report = checkReport(project, run, { docs });
  console.log(`${formatSummary(summarize(report))}; docs: ${docs.pages} page, ${docs.blocks} keyed blocks, ${docs.errors.length} errors`);
  if (!reporters.json(report, root).includes('"passed": 1')) throw new Error("the JSON reporter disagrees");

  const bye = ["/**", " * @example greet.bye", " * @expect", " * bye", " */", 'export const bye = () => console.log("bye");', ""];
  const saved = swapFile(project, "examples/greet.ts", [...example, ...bye].join("\n"));
  console.log(`after a save: ${saved.examples.map((example) => example.key).join(", ")}`);
  rmSync(root, { recursive: true, force: true });
}
