import { describe, expect, it } from "vitest";
import { checkExample } from "../../src/check/checkExample.ts";
import { findExamples } from "../../src/find/findExamples.ts";
import type { RunResult } from "../../src/records/RunResult.ts";
import { applyLineEdits } from "../../src/update/applyLineEdits.ts";
import { planExpectUpdate } from "../../src/update/planExpectUpdate.ts";
import { resultWith } from "../support/records.ts";

/** plans the update of the only example in `source` after a run, and applies it */
function update(source: string, run: Partial<RunResult>) {
  const { examples, problems } = findExamples([{ file: "examples/u.ts", text: source }]);
  expect(problems).toEqual([]);
  const plan = planExpectUpdate(checkExample(examples[0]!, resultWith(run)), source);
  return typeof plan === "object" ? applyLineEdits(source, [plan]) : plan;
}

const source = (...expected: string[]) =>
  ["/**", " * @example u.key", ...expected.map((line) => ` * ${line}`.trimEnd()), " */", "export function u() {}", ""].join("\n");

describe("planExpectUpdate", () => {
  it("has nothing to do for a passing example", () => {
    expect(update(source("@expect", "a"), { stdout: "a\n" })).toBeUndefined();
  });

  it("has nothing to do when only a non-exact expectation failed", () => {
    expect(update(source("@expectContains zzz"), { stdout: "a\n" })).toBeUndefined();
  });

  it("replaces the expected lines with the actual ones", () => {
    expect(update(source("@expect", "a", "b"), { stdout: "a\nc\nd\n" })).toBe(source("@expect", "a", "c", "d"));
  });

  it("keeps wildcard lines that still match, as written", () => {
    expect(update(source("@expect", "id {...}", "old"), { stdout: "id 42\nnew\n" })).toBe(source("@expect", "id {...}", "new"));
  });

  it("escapes actual lines that start with @, and writes blank lines as a bare star", () => {
    expect(update(source("@expect"), { stdout: "@scope/pkg\n\n  indented\n" })).toBe(source("@expect", "\\@scope/pkg", "", "  indented"));
  });

  it("moves a value written on the tag line under the tag", () => {
    expect(update(source("@expect old"), { stdout: "new\n" })).toBe(source("@expect", "new"));
  });

  it("does not update an example that threw", () => {
    expect(update(source("@expect", "a"), { stdout: "b\n", status: "threw", error: { name: "Error", message: "boom" } })).toBe(
      "not updated: threw Error: boom",
    );
  });

  it("does not update an example that timed out", () => {
    expect(update(source("@expect", "a"), { stdout: "b\n", status: "timeout", durationMs: 100 })).toMatch(/^not updated: timed out after 100 ms/);
  });

  it("does not write output that would end the comment", () => {
    expect(update(source("@expect", "a"), { stdout: "a */ b\n" })).toBe("not updated: the output holds `*/`, which would end the comment");
  });
});
