/** The hidden first line by which the preview comment is found again and updated. */
export const PREVIEW_MARKER = "<!-- exemplar-preview -->";

/** What the preview comment shows: where the preview is, and what `exemplar check` found. */
export interface PreviewComment {
  /** the preview's URL, e.g. `https://docs.example.com/pr-12/` */
  url: string;
  /** the examples' verdicts, as in the JSON report's `summary` */
  summary: { passed: number; failed: number; skipped: number };
  /** the docs' keyed blocks, as counts; absent when the check did not look at the docs */
  docs?: { pages: number; blocks: number; errors: number; warnings: number } | undefined;
  /** the commit the preview was built from; a full SHA is shortened to 7 characters */
  commit?: string | undefined;
}

/**
 * The Markdown of the one comment a pull request gets: the marker, the preview link, the
 * examples' counts and the docs' pages. Pure and deterministic, so a rerun with the same
 * results gives the same text and the comment is left alone.
 */
export function formatPreviewComment(comment: PreviewComment): string {
  const { summary, docs } = comment;
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : "";
  const lines = [PREVIEW_MARKER, `**Docs preview:** ${comment.url}`, "", `- Examples: ${summary.passed} passed, ${summary.failed} failed${skipped}`];
  if (docs === undefined) lines.push("- Pages: not checked");
  else {
    const findings = [plural(docs.errors, "error"), plural(docs.warnings, "warning")].filter((text) => !text.startsWith("0 "));
    lines.push(`- Pages: ${docs.pages} (${plural(docs.blocks, "keyed block")})${findings.length > 0 ? `, ${findings.join(", ")}` : ""}`);
  }
  if (comment.commit !== undefined && comment.commit !== "") {
    const commit = /^[0-9a-f]{40}$/i.test(comment.commit) ? comment.commit.slice(0, 7) : comment.commit;
    lines.push("", `Built from ${commit}; this comment is updated on every push.`);
  }
  return lines.join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
