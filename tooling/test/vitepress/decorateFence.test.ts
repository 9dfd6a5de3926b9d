import { describe, expect, it } from "vitest";
import { decorateFence } from "../../src/vitepress/decorateFence.ts";
import type { FenceState } from "../../src/vitepress/FenceState.ts";

const code = '<div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre><code>hello()</code></pre></div>';
const output = '<div class="language-text vp-adaptive-theme"><span class="lang">text</span><pre><code>hello</code></pre></div>';
const revision = { commit: "0123456789abcdef0123456789abcdef01234567", date: "2025-06-01T23:30:00-07:00", localChanges: false };
const source = { place: "examples/greet.ts:4", url: "https://git.example/org/repo/blob/0123456789abcdef0123456789abcdef01234567/examples/greet.ts#L4" };
const passed = (kind: FenceState["kind"], more: Partial<FenceState> = {}): FenceState => ({ kind, key: "greet.hello", status: "verified", source, revision, ...more });
const mark = (what: string, at: string, place: string) =>
  `<div class="exemplar-verified" data-example="greet.hello"><strong><span aria-hidden="true">✓</span> Verified</strong>: ${what} ${at} · ${place}</div>`;
const atCommit = 'at commit <span class="exemplar-commit" title="0123456789abcdef0123456789abcdef01234567">0123456</span> (<time datetime="2025-06-01T23:30:00-07:00">2025-06-01</time>)';
const link = `<a href="${source.url}" target="_blank" rel="noreferrer">examples/greet.ts:4</a>`;

describe("decorateFence", () => {
  it("puts a verified code block in a figure named after its example, marked with the commit, its date and a link to the source line", () => {
    expect(decorateFence(passed("code"), code)).toBe(
      `<figure class="exemplar-block exemplar-code" data-example="greet.hello" data-status="verified" aria-label="Example greet.hello">${code}${mark("ran and passed", atCommit, link)}</figure>`,
    );
  });

  it("captions an output block \"Output\", and names its figure the output of its example", () => {
    expect(decorateFence(passed("output"), output)).toBe(
      `<figure class="exemplar-block exemplar-output" data-example="greet.hello" data-status="verified" aria-label="Output of example greet.hello"><figcaption class="exemplar-caption">Output</figcaption>${output}${mark("printed this", atCommit, link)}</figure>`,
    );
  });

  it("says whose text an output block shows when it kept an earlier run's (its varying values differ from this run's)", () => {
    expect(decorateFence(passed("output", { earlier: true }), output)).toContain(
      `Verified</strong>: ran and passed ${atCommit} · output of an earlier run: only the values it expects to vary (ids, times) differ from this one's · ${link}</div>`,
    );
  });

  it("says a run had local changes, that there is no commit outside git, and names the source without a link when there is no address", () => {
    const local = decorateFence(passed("code", { revision: { ...revision, localChanges: true }, source: { place: "examples/greet.ts:4" } }), code);
    expect(local).toContain(`${atCommit} <span class="exemplar-local" title="the working tree differed from this commit when it ran">+ local changes</span> · <span>examples/greet.ts:4</span></div>`);
    const { revision: _, ...outsideGit } = passed("code");
    expect(decorateFence(outsideGit, code)).toContain("ran and passed in this build (not in a git repository, so no commit to name) · <a");
  });

  it("shows a failed example's reasons, diff and stderr, escaped, in the page's first block of the example only", () => {
    const failed: FenceState = {
      kind: "output", key: "greet.hello", status: "failed", source,
      problem: "`example-output=greet.hello`: example failed",
      failures: [{ message: "stdout does not match @expect", diff: "--- expected\n+++ actual\n-<b>\n+hello" }],
      stderr: "warn: x < y",
    };
    const first = decorateFence(failed, output);
    expect(first).toContain(
      '<div class="exemplar-error custom-block danger" id="exemplar-failure-greet.hello" data-example="greet.hello"><p class="custom-block-title">Example greet.hello failed</p>' +
        "<p>`example-output=greet.hello`: example failed</p><p>stdout does not match @expect</p><pre>--- expected\n+++ actual\n-&lt;b&gt;\n+hello</pre>" +
        "<p>stderr:</p><pre>warn: x &lt; y</pre></div></figure>",
    );
    expect(first).not.toContain("Verified");
    const again = decorateFence(failed, output, { detailed: false });
    expect(again).toContain('<div class="exemplar-error custom-block danger" data-example="greet.hello"><p class="custom-block-title">Example greet.hello failed</p><p><a href="#exemplar-failure-greet.hello">Why: see its first block above</a></p></div>');
    expect(again).not.toContain("+hello");
  });

  it("says a skipped example's block is not verified", () => {
    expect(decorateFence({ kind: "code", key: "greet.hello", status: "unverified", skipped: "needs a GPU" }, code)).toContain(
      '<div class="exemplar-unverified" data-example="greet.hello">Not verified: it is skipped (needs a GPU)</div></figure>',
    );
  });

  it("makes the figure the tab of a code group: the block's `active` class moves to it", () => {
    const active = code.replace("vp-adaptive-theme", "vp-adaptive-theme active");
    expect(decorateFence(passed("code"), active)).toMatch(/^<figure class="exemplar-block exemplar-code active" [^>]*><div class="language-ts vp-adaptive-theme"><button/);
  });
});
