import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Verdict } from "../../src/records/Verdict.ts";
import type { Example } from "../../src/records/Example.ts";
import { findExamples } from "../../src/find/findExamples.ts";
import type { SpliceContext } from "../../src/splice/SpliceContext.ts";

export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** What each golden example "printed": the golden tests splice outputs without running anything. */
export const goldenStdout: Record<string, string> = {
  "registry.save-and-find": "found: envelope\n",
  "markdown.fence": "```ts\nconst x = 1;\n```\n~~~\ntildes\n~~~\n",
  "greet.arrow": "hello\n",
};

/** The examples of `fixtures/golden/examples.ts`, found for real. */
export function goldenExamples(): { examples: Example[]; text: string; file: string } {
  const file = "examples/golden.ts";
  const text = readFileSync(path.join(fixtures, "golden", "examples.ts"), "utf8");
  const found = findExamples([{ file, text }]);
  if (found.problems.length > 0) throw new Error(`fixture examples have problems: ${JSON.stringify(found.problems)}`);
  return { examples: found.examples, text, file };
}

/** A verdict as `runExamples` would give it, with only what splicing reads filled in. */
export function verdict(example: Example, status: Verdict["status"], stdout: string, failure?: string): Verdict {
  return {
    example,
    status,
    failures: failure === undefined ? [] : [{ kind: "stdout", message: failure }],
    warnings: [],
    result: {
      key: example.key, status: status === "skipped" ? "skipped" : "returned", stdout, stderr: "", durationMs: 1,
      unhandledRejections: [], uncaughtExceptions: [], lateOutput: [],
    },
  };
}

/** The golden context: every example passed and printed `goldenStdout`. */
export function goldenContext(statuses: Record<string, Verdict["status"]> = {}): SpliceContext {
  const { examples, text, file } = goldenExamples();
  return {
    examples,
    sources: new Map([[file, text]]),
    verdicts: new Map(examples.map((example) => [
      example.key,
      verdict(example, statuses[example.key] ?? "passed", goldenStdout[example.key] ?? "", statuses[example.key] === "failed" ? "expected `found: envelope`, got nothing" : undefined),
    ])),
  };
}
