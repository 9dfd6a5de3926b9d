import { findExamples, formatProblem, parseExamples, resolveConfig } from "@exemplar/tooling";

/**
 * Finding examples reads TypeScript syntax and runs nothing: each example comes back with its
 * key, its place and what it expects.
 * @example engine.find-examples
 * @expect
 * greet.hello at greet.ts:6 expects exact (1 line)
 */
export function findExamplesInSource() {
  const source = [
    "/**",
    " * @example greet.hello",
    " * @expect",
    " * hello",
    " */",
    'export function hello() { console.log("hello"); }',
  ].join("\n");
  const { examples } = findExamples([{ file: "greet.ts", text: source }]);
  for (const example of examples) {
    const [expectation] = example.expectations;
    const lines = expectation && "lines" in expectation ? expectation.lines.length : 0;
    console.log(`${example.key} at ${example.file}:${example.line} expects ${expectation?.kind} (${lines} line)`);
  }
}

/**
 * Mistakes in example files are found before anything runs, each with its place and a hint.
 * @example engine.find-problems
 * @expect
 * greet.ts:3:4: unknown tag @expet; did you mean @expect?
 */
export function findProblems() {
  const source = ["/**", " * @example greet.hello", " * @expet", " * hello", " */", "export function hello() {}"].join("\n");
  const { problems } = findExamples([{ file: "greet.ts", text: source }]);
  for (const problem of problems) console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
}

/**
 * A page shows an example's body without its hidden lines, and a reader copies exactly that:
 * a name the shown code uses that only a hidden line declares is reported, before anything runs.
 * @example engine.stand-alone
 * @expect
 * notes.ts:8:15: the shown snippet of `notes.count` uses `notes`, which only a hidden line declares (line 7); show its declaration or pass it in
 */
export function standAlone() {
  const source = [
    "/**",
    " * @example notes.count",
    " * @expect",
    " * 2",
    " */",
    "export function count() {",
    '  const notes = ["a", "b"]; // hide',
    "  console.log(notes.length);",
    "}",
  ].join("\n");
  const project = parseExamples({ config: resolveConfig({}, process.cwd()), sources: [{ file: "notes.ts", text: source }] });
  for (const problem of project.standAlone) console.log(formatProblem(problem));
}
