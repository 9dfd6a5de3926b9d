import { decorateFence, type FenceState } from "@exemplar/tooling/vitepress";

/**
 * The mark under a verified block names the commit the example ran at, that commit's date (not
 * the build's, so a rebuild of the commit says the same), and the example's source line. A run
 * from a working tree that differs from the commit says so.
 * @example docs.mark
 * @expect
 * ✓ Verified: ran and passed at commit 9d2ef29 (2025-06-01) · examples/greet.ts:6
 * ✓ Verified: ran and passed at commit 9d2ef29 (2025-06-01) + local changes · examples/greet.ts:6
 * ✓ Verified: ran and passed in this build (not in a git repository, so no commit to name) · examples/greet.ts:6
 */
export function mark() {
  const commit = "9d2ef29e31543815809be233868ead94d9c2632e";
  const block: FenceState = {
    kind: "code",
    key: "greet.hello",
    status: "verified",
    revision: { commit, date: "2025-06-01T09:30:00+02:00", localChanges: false },
    source: { place: "examples/greet.ts:6", url: `https://github.com/org/repo/blob/${commit}/examples/greet.ts#L6` },
  };
  const { revision, ...outsideGit } = block;
  // the mark as a reader sees it: its text, without the HTML
  const text = (html: string) => html.replace(/<[^>]+>/g, "");
  console.log(text(decorateFence(block, "")));
  console.log(text(decorateFence({ ...block, revision: { ...revision!, localChanges: true } }, "")));
  console.log(text(decorateFence(outsideGit, "")));
}
