import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatSummary, openProject, resolveConfig, runExamples, summarize } from "@exemplar/tooling";

/**
 * The pipeline from code: open the project (its files read and parsed once), then run and
 * check its examples in worker processes. This runs a small project with one passing and one
 * failing example.
 * @example engine.check-project
 * @timeout 20000
 * @expect
 * greet.hello passed
 * greet.typo failed: stdout does not match @expect
 * Examples: 1 passed, 1 failed
 */
export async function checkAProject() {
  // a project in a temporary folder: an ES module package with one example file
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-example-"));
  mkdirSync(path.join(root, "examples"));
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
  writeFileSync(
    path.join(root, "examples", "greet.ts"),
    [
      "/**\n * @example greet.hello\n * @expect\n * hello\n */",
      'export function hello() { console.log("hello"); }',
      "/**\n * @example greet.typo\n * @expect\n * helo\n */",
      'export function typo() { console.log("hello"); }',
    ].join("\n"),
  );
  const config = resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root);
  const project = await openProject(config);
  const run = await runExamples(project);
  for (const verdict of run.verdicts) {
    const reason = verdict.failures.map((failure) => failure.message).join("; ");
    console.log(`${verdict.example.key} ${verdict.status}${reason ? `: ${reason}` : ""}`);
  }
  console.log(formatSummary(summarize(run)));
  rmSync(root, { recursive: true, force: true }); // hide
}
