import { checkExample, findExamples, splicePage } from "@exemplar/tooling";

/**
 * An output block that already shows text keeps it while the example's new output differs
 * from it only inside `{...}` spans; an empty block gets the new output.
 * @example docs.volatile-output
 * @expect
 * committed page kept: true
 * ```text example-output=model.save
 * saved model 91bc in 15 ms
 * ```
 */
export function volatileOutput() {
  const exampleFile = [
    "/**",
    " * @example model.save",
    " * @expect",
    " * saved model {...} in {...} ms",
    " */",
    "export function save() {",
    "  console.log(`saved model ${crypto.randomUUID()} in ${Date.now() % 100} ms`);",
    "}",
  ].join("\n");
  const { examples } = findExamples([{ file: "examples/model.ts", text: exampleFile }]);
  // this build's run printed another id and duration than the run the page was committed with
  const result = { key: "model.save", status: "returned" as const, stdout: "saved model 91bc in 15 ms\n", stderr: "", durationMs: 15, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] };
  const context = {
    examples,
    sources: new Map([["examples/model.ts", exampleFile]]),
    verdicts: new Map([["model.save", checkExample(examples[0]!, result)]]),
  };
  const committed = "```text example-output=model.save\nsaved model 7f3a in 12 ms\n```\n";
  console.log(`committed page kept: ${splicePage("docs/models.md", committed, context).after === committed}`);
  console.log(splicePage("docs/models.md", "```text example-output=model.save\n```\n", context).after.trimEnd());
}
