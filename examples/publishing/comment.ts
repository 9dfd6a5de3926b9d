import { formatPreviewComment } from "@exemplar/tooling";

/**
 * The one comment a pull request gets, rewritten on every push, failed or not. Its first line
 * is a hidden marker by which the next run finds it, so a pull request never collects a pile of
 * them; its last records the commit the preview was built from. This push failed: the comment
 * turns red, names the failed step and the failing example, and says the preview still shows
 * the last push that built.
 * @example publishing.comment
 * @expect
 * <!-- exemplar-preview -->
 * :x: **Checks failed:** the examples' check (exemplar check)
 * **Docs preview:** https://docs.example.com/pr-12/ still shows an earlier commit, 8d41f07; it is replaced once a push builds
 *
 * - Examples: 41 passed, 1 failed
 *   - `registry.save-and-find` at `examples/platform/registry.ts:14`
 * - Pages: 6 (23 keyed blocks), 1 error
 *
 * Checked 3f9c2e1, the merge of 5be0a9c into `main`; this comment is updated on every push.
 * <!-- exemplar-preview-of: 8d41f07c2b9a6e5d4c3b2a1f0e9d8c7b6a5f4e3d -->
 */
export function previewComment() {
  // the counts and places come from `exemplar check --json-out reports/check.json`
  const body = formatPreviewComment({
    url: "https://docs.example.com/pr-12/",
    summary: { passed: 41, failed: 1, skipped: 0 },
    docs: { pages: 6, blocks: 23, errors: 1, warnings: 0 },
    failing: [{ key: "registry.save-and-find", file: "examples/platform/registry.ts", line: 14 }],
    failedSteps: ["the examples' check (exemplar check)"],
    // what the workflow checked out: the merge of the head into the base branch
    commit: "3f9c2e1a7b5d4c3e2f1a0b9c8d7e6f5a4b3c2d1e",
    head: "5be0a9c6d2f1e8b7a3c4d5e6f708192a3b4c5d6e",
    base: "main",
    // the build did not run, so the preview is the one the last good push published
    preview: "8d41f07c2b9a6e5d4c3b2a1f0e9d8c7b6a5f4e3d",
  });
  console.log(body);
}
