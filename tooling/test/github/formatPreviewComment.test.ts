import { describe, expect, test } from "vitest";
import { formatPreviewComment, PREVIEW_MARKER } from "../../src/github/formatPreviewComment.ts";
import { previewBuiltFrom } from "../../src/github/previewBuiltFrom.ts";

const url = "https://docs.example.com/pr-12/";
const MERGE = "fedcba9876543210fedcba9876543210fedcba98";
const HEAD = "0123456789abcdef0123456789abcdef01234567";
const EARLIER = "aaaaaaa111111111222222223333333344444444";
const green = { url, summary: { passed: 12, failed: 0, skipped: 0 }, docs: { pages: 5, blocks: 18, errors: 0, warnings: 0 }, commit: MERGE, head: HEAD, base: "main" };

describe("formatPreviewComment", () => {
  test("all passed: green, the preview, the docs' counts, the merge commit that was checked and what the preview was built from", () => {
    expect(formatPreviewComment(green)).toBe(
      [
        "<!-- exemplar-preview -->",
        ":white_check_mark: **Checks passed**",
        "**Docs preview:** https://docs.example.com/pr-12/",
        "",
        "- Examples: 12 passed, 0 failed",
        "- Pages: 5 (18 keyed blocks)",
        "",
        "Checked fedcba9, the merge of 0123456 into `main`; this comment is updated on every push.",
        `<!-- exemplar-preview-of: ${HEAD} -->`,
      ].join("\n"),
    );
  });

  test("a failed step: red, naming it, with the failing examples, and the earlier preview it left in place", () => {
    const failing = [{ key: "registry.save", file: "examples/registry.ts", line: 12 }];
    const body = formatPreviewComment({ ...green, summary: { passed: 11, failed: 1, skipped: 0 }, failing, failedSteps: ["the examples' check (exemplar check)"], preview: EARLIER });
    expect(body.split("\n")).toEqual([
      "<!-- exemplar-preview -->",
      ":x: **Checks failed:** the examples' check (exemplar check)",
      "**Docs preview:** https://docs.example.com/pr-12/ still shows an earlier commit, aaaaaaa; it is replaced once a push builds",
      "",
      "- Examples: 11 passed, 1 failed",
      "  - `registry.save` at `examples/registry.ts:12`",
      "- Pages: 5 (18 keyed blocks)",
      "",
      "Checked fedcba9, the merge of 0123456 into `main`; this comment is updated on every push.",
      // carried over, so that the next failed push still knows
      `<!-- exemplar-preview-of: ${EARLIER} -->`,
    ]);
    expect(previewBuiltFrom(body)).toBe(EARLIER);
  });

  test.each([
    // the install failed: no report, no preview yet (the first push), which the hidden line keeps
    { comment: { failedSteps: ["the install (npm ci)"], preview: "none" }, status: ":x: **Checks failed:** the install (npm ci)", preview: "**Docs preview:** none yet; it is published to https://docs.example.com/pr-12/ once a push builds", hidden: ["<!-- exemplar-preview-of: none -->"] },
    // an earlier comment of an older Exemplar: some earlier build, its commit unknown
    { comment: { failedSteps: ["a", " ", "b"], preview: "earlier" }, status: ":x: **Checks failed:** a, b", preview: "**Docs preview:** https://docs.example.com/pr-12/ still shows an earlier commit; it is replaced once a push builds", hidden: [] },
  ])("$status, preview $comment.preview", ({ comment, status, preview, hidden }) => {
    const body = formatPreviewComment({ url, ...comment });
    expect(body.split("\n")).toEqual([PREVIEW_MARKER, status, preview, "", "- Examples: not checked (no report: the check did not run, or stopped before writing it)", ...hidden]);
  });

  test.each([
    // skipped examples are counted only when there are some; findings only when non-zero; no steps named: the counts say what failed
    { summary: { passed: 3, failed: 1, skipped: 2 }, docs: { pages: 1, blocks: 1, errors: 1, warnings: 2 }, lines: [":x: **Checks failed:** 1 example, 1 page error", `**Docs preview:** ${url}`, "", "- Examples: 3 passed, 1 failed, 2 skipped", "- Pages: 1 (1 keyed block), 1 error, 2 warnings"] },
    // a check that did not look at the docs (a filtered run) has no docs record
    { summary: { passed: 1, failed: 0, skipped: 0 }, docs: undefined, lines: [":white_check_mark: **Checks passed**", `**Docs preview:** ${url}`, "", "- Examples: 1 passed, 0 failed", "- Pages: not checked"] },
  ])("$lines.3", ({ summary, docs, lines }) => {
    expect(formatPreviewComment({ url, summary, docs }).split("\n")).toEqual([PREVIEW_MARKER, ...lines]);
  });

  test("lists the first ten failing examples, then how many more", () => {
    const failing = Array.from({ length: 12 }, (_, index) => ({ key: `k.${index}`, file: "examples/a`b.ts", line: index + 1 }));
    const lines = formatPreviewComment({ url, summary: { passed: 0, failed: 12, skipped: 0 }, failing }).split("\n");
    expect(lines.filter((line) => line.startsWith("  - "))).toEqual([
      ...failing.slice(0, 10).map(({ key, line }) => `  - \`${key}\` at \`examples/a'b.ts:${line}\``),
      "  - and 2 more (see the run's annotations)",
    ]);
  });

  test("a commit that is not a full SHA is shown as given, and records no preview commit", () => {
    const body = formatPreviewComment({ url, summary: { passed: 0, failed: 0, skipped: 0 }, commit: "v1.2" });
    expect(body).toMatch(/\nChecked v1\.2; this comment is updated on every push\.$/);
    expect(previewBuiltFrom(body)).toBeUndefined();
  });
});

describe("previewBuiltFrom", () => {
  test.each([
    // no earlier comment: nothing was published yet
    { previous: undefined, result: "none" },
    { previous: `${PREVIEW_MARKER}\nx\n<!-- exemplar-preview-of: ${HEAD} -->`, result: HEAD },
    { previous: `${PREVIEW_MARKER}\nx\n<!-- exemplar-preview-of: none -->`, result: "none" },
    // a comment of an older Exemplar ("Built from 0123456")
    { previous: `${PREVIEW_MARKER}\nBuilt from 0123456; this comment is updated on every push.`, result: undefined },
  ])("$previous: $result", ({ previous, result }) => {
    expect(previewBuiltFrom(previous)).toBe(result);
  });
});
