import { describe, expect, it } from "vitest";
import type { Verdict } from "../../src/records/Verdict.ts";
import { decorateFence } from "../../src/vitepress/decorateFence.ts";

const verdict = (status: Verdict["status"], failures: Verdict["failures"] = [], stderr = ""): Verdict => ({
  example: { key: "greet.hello" } as Verdict["example"],
  result: { key: "greet.hello", status: "returned", stdout: "hello\n", stderr, durationMs: 1, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] },
  status,
  failures,
  warnings: [],
});

describe("decorateFence", () => {
  it("marks a passing code block as verified, with a link to its source", () => {
    expect(decorateFence({ kind: "code", key: "greet.hello", verdict: verdict("passed"), sourceUrl: "https://git.example/repo/blob/main/examples/greet.ts#L4" })).toBe(
      '<div class="exemplar-verified" data-example="greet.hello"><span title="checked by exemplar check in this build">✓ verified</span> ran and passed in this build · <a href="https://git.example/repo/blob/main/examples/greet.ts#L4" target="_blank" rel="noreferrer">source</a></div>',
    );
  });

  it("says an output block holds the real output, and links nothing without a repository", () => {
    expect(decorateFence({ kind: "output", key: "greet.hello", verdict: verdict("passed") })).toBe(
      '<div class="exemplar-verified" data-example="greet.hello"><span title="checked by exemplar check in this build">✓ verified</span> real output in this build</div>',
    );
  });

  it("shows a failed example's reasons, diff and stderr, escaped", () => {
    const html = decorateFence({
      kind: "output",
      key: "greet.hello",
      verdict: verdict("failed", [{ kind: "stdout", message: "stdout does not match @expect", diff: "--- expected\n+++ actual\n-<b>\n+hello" }], "warn: x < y\n"),
      problem: "`example-output=greet.hello`: example failed",
    });
    expect(html).toBe(
      '<div class="exemplar-error custom-block danger" data-example="greet.hello"><p class="custom-block-title">Example greet.hello failed</p>' +
        "<p>`example-output=greet.hello`: example failed</p><p>stdout does not match @expect</p><pre>--- expected\n+++ actual\n-&lt;b&gt;\n+hello</pre>" +
        "<p>stderr:</p><pre>warn: x &lt; y</pre></div>",
    );
  });

  it("shows a block problem (an unknown key) even without a verdict", () => {
    expect(decorateFence({ kind: "code", key: "greet.helo", problem: "unknown example key" })).toContain("<p>unknown example key</p>");
  });

  it("adds nothing for an example that did not run (skipped)", () => {
    expect(decorateFence({ kind: "code", key: "greet.hello", verdict: verdict("skipped") })).toBe("");
  });
});
