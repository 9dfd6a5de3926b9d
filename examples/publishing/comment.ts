import { formatPreviewComment } from "@exemplar/tooling";

/**
 * The one comment a pull request gets, rewritten on every push. Its first line is a hidden
 * marker by which the next run finds it, so a pull request never collects a pile of them.
 * @example publishing.comment
 * @expect
 * <!-- exemplar-preview -->
 * **Docs preview:** https://docs.example.com/pr-12/
 *
 * - Examples: 41 passed, 1 failed
 * - Pages: 6 (23 keyed blocks), 1 error
 *
 * Built from 3f9c2e1; this comment is updated on every push.
 */
export function previewComment() {
  // the counts come from `exemplar check --json-out reports/check.json`
  const body = formatPreviewComment({
    url: "https://docs.example.com/pr-12/",
    summary: { passed: 41, failed: 1, skipped: 0 },
    docs: { pages: 6, blocks: 23, errors: 1, warnings: 0 },
    commit: "3f9c2e1a7b5d4c3e2f1a0b9c8d7e6f5a4b3c2d1e",
  });
  console.log(body);
}
