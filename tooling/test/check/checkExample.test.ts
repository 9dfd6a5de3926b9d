import { describe, expect, it, test } from "vitest";
import { checkExample } from "../../src/check/checkExample.ts";
import type { Expectation } from "../../src/records/Example.ts";
import type { RunResult } from "../../src/records/RunResult.ts";
import { contains, errorRegex, errorText, exact, exampleWith, match, resultWith, unordered } from "../support/records.ts";

const verdictOf = (expectations: Expectation[], result: Partial<RunResult>) => checkExample(exampleWith(expectations), resultWith(result));
const threw = (message: string, name = "Error"): Partial<RunResult> => ({
  status: "threw",
  error: { name, message, stack: `${name}: ${message}\n    at demo (examples/demo.ts:11:9)` },
});

describe("checkExample: passing runs", () => {
  test.each<[string, Expectation[], Partial<RunResult>]>([
    // the plain case
    ["exact lines", [exact("a", "b")], { stdout: "a\nb\n" }],
    // CRLF from the example is read as LF
    ["CRLF output", [exact("a", "b")], { stdout: "a\r\nb\r\n" }],
    // a lone CR is a line ending too
    ["CR output", [exact("a", "b")], { stdout: "a\rb" }],
    // trailing spaces on an output line are ignored
    ["trailing spaces", [exact("a", "b")], { stdout: "a   \nb\t\n" }],
    // trailing blank lines are ignored
    ["trailing blank lines", [exact("a")], { stdout: "a\n\n\n  \n" }],
    // inner blank lines and indentation count and match
    ["inner blank lines and indentation", [exact("{", "", "  x", "}")], { stdout: "{\n\n  x\n}\n" }],
    // `@expect` with no lines passes on no output
    ["prints nothing", [exact()], { stdout: "" }],
    // ... and on output that is only blank lines
    ["prints only blank lines", [exact()], { stdout: "\n \n" }],
    // a wildcard in the middle of a line
    ["wildcard inside a line", [exact("saved churn v{...} in {...} ms")], { stdout: "saved churn v12 in 3.5 ms\n" }],
    // a wildcard may stand for nothing
    ["empty wildcard", [exact("id={...}!")], { stdout: "id=!\n" }],
    // a whole-line wildcard matches any one line, but only one
    ["whole-line wildcard", [exact("a", "{...}", "c")], { stdout: "a\nanything at all\nc\n" }],
    // regex characters in expected lines are literal
    ["regex characters are literal", [exact("a.b*c (d) [e] $f ^g {...}")], { stdout: "a.b*c (d) [e] $f ^g whatever\n" }],
    // unordered lines in another order
    ["unordered", [unordered("b", "a", "c")], { stdout: "c\na\nb\n" }],
    // unordered with a wildcard line that could also take an exact line
    ["unordered with a wildcard", [unordered("{...}", "a")], { stdout: "a\nb\n" }],
    // repeated lines count as many times as they appear
    ["unordered duplicates", [unordered("a", "a", "b")], { stdout: "a\nb\na\n" }],
    // contains, twice
    ["contains twice", [contains("saved"), contains("found 1")], { stdout: "saved x\nfound 1 model\n" }],
    // contains across a line break
    ["contains across lines", [contains("x\nfound")], { stdout: "saved x\nfound 1 model\n" }],
    // match, with flags and multiline anchors
    ["match with flags", [match(/^FOUND \d+$/im), match(/saved/)], { stdout: "saved x\nfound 12\n" }],
    // a global regex is matched from the start every time
    ["global regex", [match(/found/g)], { stdout: "found\n" }],
    // the thrown message contains the text
    ["expectError text", [errorText("not ready")], threw("the registry is not ready yet")],
    // the thrown message matches the regex
    ["expectError regex", [errorRegex(/^not (ready|set)$/)], threw("not set")],
    // stdout printed before the throw is asserted too, and matches
    ["stdout before a throw", [exact("connecting"), errorText("refused")], { stdout: "connecting\n", ...threw("connection refused") }],
  ])("%s", (_name, expectations, result) => {
    const verdict = verdictOf(expectations, result);
    expect(verdict.failures).toEqual([]);
    expect(verdict.status).toBe("passed");
    expect(verdict.warnings).toEqual([]);
  });

  it("passes the same regex object twice in a row (lastIndex is reset)", () => {
    const pattern = /found/g;
    expect(verdictOf([match(pattern)], { stdout: "found\n" }).status).toBe("passed");
    expect(verdictOf([match(pattern)], { stdout: "found\n" }).status).toBe("passed");
  });
});

describe("checkExample: failing expectations", () => {
  it("reports an exact mismatch with a unified diff", () => {
    const expectation = exact("a", "b", "c");
    expect(verdictOf([expectation], { stdout: "a\nB\nc\n" }).failures).toEqual([{
      kind: "stdout",
      expectation,
      message: "stdout does not match @expect",
      diff: "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c",
    }]);
  });

  it("fails @expect alone when the example printed something", () => {
    expect(verdictOf([exact()], { stdout: "surprise\n" }).failures.map((failure) => [failure.message, failure.diff])).toEqual([
      ["stdout does not match @expect", "--- expected\n+++ actual\n@@ -0,0 +1,1 @@\n+surprise"],
    ]);
  });

  it("fails when output is missing lines", () => {
    expect(verdictOf([exact("a", "b")], { stdout: "a\n" }).failures[0]!.diff).toBe("--- expected\n+++ actual\n@@ -1,2 +1,1 @@\n a\n-b");
  });

  it("does not let a wildcard span lines", () => {
    expect(verdictOf([exact("a{...}c")], { stdout: "a\nc\n" }).status).toBe("failed");
  });

  it("keeps leading spaces significant", () => {
    expect(verdictOf([exact("  a")], { stdout: "a\n" }).status).toBe("failed");
  });

  it("reports an unordered mismatch with a diff of the sorted lines", () => {
    expect(verdictOf([unordered("b", "a")], { stdout: "a\nc\n" }).failures.map(({ kind, message, diff }) => ({ kind, message, diff }))).toEqual([{
      kind: "stdout",
      message: "stdout does not match @expectUnordered (same lines in any order)",
      diff: "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n a\n-b\n+c",
    }]);
  });

  it("fails unordered when a line appears too often", () => {
    expect(verdictOf([unordered("a", "b")], { stdout: "a\na\n" }).status).toBe("failed");
    expect(verdictOf([unordered("a", "a")], { stdout: "a\n" }).status).toBe("failed");
  });

  it("reports each missing @expectContains text", () => {
    expect(verdictOf([contains("saved"), contains("found"), contains("deleted")], { stdout: "saved\n" }).failures.map((failure) => failure.message)).toEqual([
      'stdout does not contain "found"',
      'stdout does not contain "deleted"',
    ]);
  });

  it("reports each @expectMatch that does not match", () => {
    expect(verdictOf([match(/^found/), match(/FOUND/), match(/x/i)], { stdout: "found\n" }).failures.map((failure) => [failure.kind, failure.message])).toEqual([
      ["stdout", "stdout does not match /FOUND/"],
      ["stdout", "stdout does not match /x/i"],
    ]);
  });

  it("fails an example whose stdout was cut at the limit, whatever the cut text would say", () => {
    const expectation = contains("zzz");
    const verdict = verdictOf([expectation], { stdout: "zzz\n", stdoutTruncatedBytes: 50_000_000 });
    expect(verdict.failures).toEqual([
      { kind: "stdout", expectation, message: "stdout was 50000004 bytes, more than the 1048576 bytes Exemplar keeps of an example's output; print less, or check a summary of it" },
    ]);
    // an example that asserts nothing of stdout is not failed by its size
    expect(verdictOf([errorText("boom")], { ...threw("boom"), stdout: "x", stdoutTruncatedBytes: 10 }).status).toBe("passed");
  });

  it("fails an @expectMatch whose regex runs away, and still checks the others", () => {
    const runaway = match(/(a+)+$/);
    const verdict = verdictOf([runaway, match(/^a+!$/m), contains("a!")], { stdout: `${"a".repeat(34)}!\n` });
    expect(verdict.failures).toEqual([
      { kind: "stdout", expectation: runaway, message: "the regex /(a+)+$/ took longer than 1000 ms on 36 characters of output" },
    ]);
  });

  it("fails an @expectError whose regex runs away on the thrown message", () => {
    const runaway = errorRegex(/(a+)+$/);
    expect(verdictOf([runaway], threw(`${"a".repeat(34)}!`)).failures).toEqual([
      { kind: "error", expectation: runaway, message: "the regex /(a+)+$/ took longer than 1000 ms on 35 characters of the error message" },
    ]);
  });

  it("fails an @expectError example that returned", () => {
    const expectation = errorText("not ready");
    expect(verdictOf([expectation], { stdout: "" }).failures).toEqual([
      { kind: "error", expectation, message: "expected an error matching not ready, but it returned normally" },
    ]);
  });

  it("fails an @expectError example that threw another message", () => {
    expect(verdictOf([errorRegex(/^not ready$/)], threw("not ready yet", "RangeError")).failures.map((failure) => [failure.kind, failure.message])).toEqual([
      ["error", "expected an error matching /^not ready$/, but it threw RangeError: not ready yet"],
    ]);
  });

  it("matches @expectError text against the message only, not the error's name", () => {
    expect(verdictOf([errorText("TypeError")], threw("bad value", "TypeError")).status).toBe("failed");
  });

  it("still checks the stdout printed before an expected throw", () => {
    const verdict = verdictOf([exact("connecting", "connected"), errorText("refused")], { stdout: "connecting\n", ...threw("connection refused") });
    expect(verdict.failures.map((failure) => [failure.kind, failure.diff])).toEqual([
      ["stdout", "--- expected\n+++ actual\n@@ -1,2 +1,1 @@\n connecting\n-connected"],
    ]);
  });
});

describe("checkExample: how the run ended", () => {
  test.each<[string, Partial<RunResult>, string, string]>([
    // an unexpected throw
    ["threw", threw("boom", "TypeError"), "threw", "threw TypeError: boom"],
    // the worker was stopped at the timeout
    ["timeout", { status: "timeout", durationMs: 300 }, "timeout", "timed out after 300 ms (set @timeout MS to allow longer)"],
    // its worker did not answer what it awaited: a blocked event loop
    ["timeout running", { status: "timeout", durationMs: 300, stalled: { state: "running", waitingOn: [] } }, "timeout", "timed out after 300 ms with its code still running (an endless loop?); set @timeout MS if it needs longer"],
    // it awaited what it started
    ["timeout waiting", { status: "timeout", durationMs: 300, stalled: { state: "waiting", waitingOn: ["1 Timeout", "1 TCPSocketWrap"] } }, "timeout", "timed out after 300 ms, still waiting on 1 Timeout, 1 TCPSocketWrap (set @timeout MS to allow longer)"],
    // it awaited a promise nothing could settle
    ["never settled", { status: "timeout", durationMs: 300, stalled: { state: "idle", waitingOn: [] } }, "timeout", "never settled: after 300 ms it was awaiting a promise that nothing it started could settle (no timer, socket or process of its was pending)"],
    // the file's top-level code did not finish loading
    ["import timeout", { status: "timeout", durationMs: 5000, importing: "examples/a.ts" }, "timeout", "examples/a.ts did not finish loading: its top-level code ran past the 5000 ms timeout (an endless loop, or a wait at the top level?)"],
    // the file's top-level code threw
    ["import threw", { ...threw("bad top level"), importing: "examples/a.ts" }, "threw", "examples/a.ts threw in its top-level code, so none of its examples can run: Error: bad top level"],
    // process.exit with a code
    ["exit", { status: "exit", exitCode: 3 }, "exit", "called process.exit(3); examples must return instead"],
    // process.exit without a code
    ["exit without code", { status: "exit" }, "exit", "called process.exit(); examples must return instead"],
    // the worker died, with what it said
    ["crashed", { status: "crashed", error: { name: "Error", message: "killed by SIGKILL" } }, "crashed", "its worker crashed: killed by SIGKILL"],
    // the worker died without a word
    ["crashed silently", { status: "crashed" }, "crashed", "its worker crashed"],
    // a promise rejected with nobody listening
    ["unhandled rejection", { unhandledRejections: [{ name: "Error", message: "lost" }] }, "unhandled-rejection", "unhandled promise rejection: Error: lost"],
    // a timer threw
    ["uncaught exception", { uncaughtExceptions: [{ name: "RangeError", message: "tick" }] }, "uncaught-exception", "uncaught exception outside the example's promise: RangeError: tick"],
  ])("%s", (_name, result, kind, message) => {
    const verdict = verdictOf([contains("")], result);
    expect(verdict.status).toBe("failed");
    expect(verdict.failures).toEqual([{ kind, message }]);
  });

  it("judges an example whose file did not load by the file alone: its expectations never ran", () => {
    const verdict = verdictOf([exact("a"), errorText("x")], { status: "timeout", durationMs: 5000, importing: "examples/a.ts", stdout: "partial\n" });
    expect(verdict.failures.map((failure) => failure.kind)).toEqual(["timeout"]);
  });

  it("fails an example whose leftover ended its worker after it passed", () => {
    const verdict = verdictOf([exact("a")], { stdout: "a\n", leftRunning: "(1 Timeout) ended its worker (killed by SIGKILL)" });
    expect(verdict.failures).toEqual([{ kind: "left-running", message: "after it returned, what it left running (1 Timeout) ended its worker (killed by SIGKILL); end the timers, servers and processes an example starts before it returns" }]);
  });

  it("fails a timed-out example even when it expected an error", () => {
    expect(verdictOf([errorText("x")], { status: "timeout", durationMs: 50 }).failures.map((failure) => failure.kind)).toEqual(["timeout"]);
  });

  it("lists every failure of one run, the ending first", () => {
    const verdict = verdictOf([exact("a"), contains("zzz")], {
      stdout: "b\n", ...threw("boom"),
      unhandledRejections: [{ name: "Error", message: "r" }],
      uncaughtExceptions: [{ name: "Error", message: "u" }],
    });
    expect(verdict.failures.map((failure) => failure.kind)).toEqual(["threw", "stdout", "stdout", "unhandled-rejection", "uncaught-exception"]);
  });

  it("warns, naming the example, about output written after it settled, and still passes", () => {
    const verdict = verdictOf([exact("a")], { stdout: "a\n", lateOutput: ["tick 1\n", "tick 2\n"] });
    expect(verdict.status).toBe("passed");
    expect(verdict.warnings).toEqual([
      'demo.key wrote after it settled (a timer or callback outlived it): "tick 1"',
      'demo.key wrote after it settled (a timer or callback outlived it): "tick 2"',
    ]);
  });

  it("marks a skipped run skipped, with no failures, whatever the expectations", () => {
    const example = exampleWith([exact("a")], { skip: "later" });
    const result = resultWith({ status: "skipped" });
    expect(checkExample(example, result)).toEqual({ example, result, status: "skipped", failures: [], warnings: [] });
  });
});
