import { describe, expect, test } from "vitest";
import { formatPreviewComment, PREVIEW_MARKER } from "../../src/github/formatPreviewComment.ts";

const url = "https://docs.example.com/pr-12/";

describe("formatPreviewComment", () => {
  test("all passed, with the docs' counts and the short commit", () => {
    expect(
      formatPreviewComment({
        url,
        summary: { passed: 12, failed: 0, skipped: 0 },
        docs: { pages: 5, blocks: 18, errors: 0, warnings: 0 },
        commit: "0123456789abcdef0123456789abcdef01234567",
      }),
    ).toBe(
      [
        "<!-- exemplar-preview -->",
        "**Docs preview:** https://docs.example.com/pr-12/",
        "",
        "- Examples: 12 passed, 0 failed",
        "- Pages: 5 (18 keyed blocks)",
        "",
        "Built from 0123456; this comment is updated on every push.",
      ].join("\n"),
    );
  });

  test.each([
    // skipped examples are counted only when there are some; findings only when non-zero
    { summary: { passed: 3, failed: 1, skipped: 2 }, docs: { pages: 1, blocks: 1, errors: 1, warnings: 2 }, lines: ["- Examples: 3 passed, 1 failed, 2 skipped", "- Pages: 1 (1 keyed block), 1 error, 2 warnings"] },
    // a check that did not look at the docs (a filtered run) has no docs record
    { summary: { passed: 1, failed: 0, skipped: 0 }, docs: undefined, lines: ["- Examples: 1 passed, 0 failed", "- Pages: not checked"] },
  ])("$lines.0", ({ summary, docs, lines }) => {
    expect(formatPreviewComment({ url, summary, docs }).split("\n")).toEqual([PREVIEW_MARKER, `**Docs preview:** ${url}`, "", ...lines]);
  });

  test("a commit that is not a full SHA is shown as given", () => {
    expect(formatPreviewComment({ url, summary: { passed: 0, failed: 0, skipped: 0 }, commit: "v1.2" })).toMatch(/\nBuilt from v1\.2; /);
  });
});
