import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkProject, formatSummary, resolveConfig, summarize } from "@exemplar/tooling";

/**
 * The whole pipeline from code: find, run in worker processes, check. This runs a small
 * project with one passing and one failing example.
 * @example engine.check-project
 * @timeout 20000
 * @expect
 * greet.hello passed
 * greet.typo failed: stdout does not match @expect
 * Examples: 1 passed, 1 failed
 */
export async function checkAProject() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-example-")); // hide
  mkdirSync(path.join(root, "examples")); // hide
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }'); // hide
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
  const report = await checkProject(config);
  for (const verdict of report.verdicts) {
    const reason = verdict.failures.map((failure) => failure.message).join("; ");
    console.log(`${verdict.example.key} ${verdict.status}${reason ? `: ${reason}` : ""}`);
  }
  console.log(formatSummary(summarize(report)));
  rmSync(root, { recursive: true, force: true }); // hide
}
