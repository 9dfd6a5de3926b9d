import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findExamples, matchLine, openProject, resolveConfig, runExamples } from "@exemplar/tooling";

/**
 * README-style results: a `//=> VALUE` comment after an expression statement, on its line or on
 * the next, is checked against the statement's value; after `console.log(x)`, against what it
 * logged. No @expect needed.
 * @example engine.inline-results
 */
export async function inlineResults() {
  matchLine("saved model {...}", "saved model 7f3a"); //=> true
  const source = "/**\n * @example greet.hello\n */\nexport function hello() {\n  'hi'.toUpperCase(); //=> 'HI'\n}";
  findExamples([{ file: "greet.ts", text: source }]).examples.map((example) => example.key);
  //=> ['greet.hello']
  await Promise.resolve({ saved: true, id: 7 }); //=> { id: 7, saved: true }
  console.log(["a", "b"].join("/")); //=> 'a/b'
  console.log(["a", "b"].join(" and ")); //=> a and b
  new Map([["id", crypto.randomUUID()]]); //=> Map(1) { 'id' => {...} }
}

/**
 * A wrong value fails its example with the line, the expected and the actual value.
 * @example engine.inline-results-failing
 * @timeout 20000
 * @expect
 * greet.parts failed
 * examples/greet.ts:5: `"a.b".split(".");` is [ 'a', 'b' ], expected ['a', 'c'] (compared by deep equality)
 */
export async function inlineResultsFailing() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-inline-"));
  mkdirSync(path.join(root, "examples"));
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
  writeFileSync(
    path.join(root, "examples", "greet.ts"),
    '/**\n * @example greet.parts\n */\nexport function parts() {\n  "a.b".split("."); //=> [\'a\', \'c\']\n}\n',
  );
  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root));
  const run = await runExamples(project);
  for (const verdict of run.verdicts) {
    console.log(`${verdict.example.key} ${verdict.status}`);
    for (const failure of verdict.failures) console.log(failure.message);
  }
  rmSync(root, { recursive: true, force: true }); // hide
}
