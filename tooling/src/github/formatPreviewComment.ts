import { previewBuiltFromLine } from "./previewBuiltFrom.ts";

/** The hidden first line by which the preview comment is found again and updated. */
export const PREVIEW_MARKER = "<!-- exemplar-preview -->";

/** An example the check failed, as the JSON report places it. */
export interface FailingExample {
  key: string;
  file: string;
  line: number;
}

/** What the preview comment shows: where the preview is, what was checked and what the checks found. */
export interface PreviewComment {
  /** the preview's URL, e.g. `https://docs.example.com/pr-12/` */
  url: string;
  /** the examples' verdicts, as in the JSON report's `summary`; absent when no report was written */
  summary?: { passed: number; failed: number; skipped: number } | undefined;
  /** the docs' keyed blocks, as counts; absent when the check did not look at the docs */
  docs?: { pages: number; blocks: number; errors: number; warnings: number } | undefined;
  /** the examples that failed, in report order (the comment lists the first ten) */
  failing?: FailingExample[] | undefined;
  /** the commit that was checked (in a pull request's workflow, the merge commit GitHub made); a full SHA is shortened to 7 characters */
  commit?: string | undefined;
  /** when `commit` is that merge commit: the pull request's head commit */
  head?: string | undefined;
  /** when `commit` is that merge commit: the branch the pull request merges into */
  base?: string | undefined;
  /** the steps that failed, e.g. `the site build (npm run docs:build)`; any makes the comment red */
  failedSteps?: string[] | undefined;
  /**
   * What the preview at `url` shows: `"current"` (the default) this check's build; a commit, an
   * earlier build that a failed push left in place; `"earlier"` one whose commit is unknown;
   * `"none"` nothing yet.
   */
  preview?: string | undefined;
}

const LISTED = 10;

/**
 * The Markdown of the one comment a pull request gets: the marker, whether the checks passed
 * (and if not, what failed), the preview link (and which commit it shows when a failed push left
 * an earlier one), the examples' counts and the docs' pages, the commit that was checked, and a
 * hidden line recording what the preview was built from, which the next comment reads back
 * (`previewBuiltFrom`). Pure and deterministic, so a rerun with the same results gives the same
 * text and the comment is left alone.
 */
export function formatPreviewComment(comment: PreviewComment): string {
  const { summary, docs } = comment;
  const failures = failedChecks(comment);
  const lines = [PREVIEW_MARKER, failures.length === 0 ? ":white_check_mark: **Checks passed**" : `:x: **Checks failed:** ${failures.join(", ")}`, previewLine(comment), ""];
  if (summary === undefined) lines.push("- Examples: not checked (no report: the check did not run, or stopped before writing it)");
  else {
    const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : "";
    lines.push(`- Examples: ${summary.passed} passed, ${summary.failed} failed${skipped}`);
    const failing = comment.failing ?? [];
    for (const { key, file, line } of failing.slice(0, LISTED)) lines.push(`  - ${code(key)} at ${code(`${file}:${line}`)}`);
    if (failing.length > LISTED) lines.push(`  - and ${failing.length - LISTED} more (see the run's annotations)`);
    if (docs === undefined) lines.push("- Pages: not checked");
    else {
      const findings = [plural(docs.errors, "error"), plural(docs.warnings, "warning")].filter((text) => !text.startsWith("0 "));
      lines.push(`- Pages: ${docs.pages} (${plural(docs.blocks, "keyed block")})${findings.length > 0 ? `, ${findings.join(", ")}` : ""}`);
    }
  }
  const checked = checkedLine(comment);
  if (checked !== undefined) lines.push("", checked);
  const builtFrom = comment.preview === undefined || comment.preview === "current" ? (comment.head ?? comment.commit) : comment.preview;
  if (builtFrom !== undefined && builtFrom !== "earlier" && /^(?:[0-9a-f]{7,40}|none)$/i.test(builtFrom)) lines.push(previewBuiltFromLine(builtFrom.toLowerCase()));
  return lines.join("\n");
}

/** The failed steps, or, when none is named, what the report itself counts as failed. */
function failedChecks({ failedSteps, summary, docs }: PreviewComment): string[] {
  const named = (failedSteps ?? []).map((step) => step.trim()).filter((step) => step !== "");
  if (named.length > 0) return named;
  const counted = [summary && summary.failed > 0 ? plural(summary.failed, "example") : "", docs && docs.errors > 0 ? plural(docs.errors, "page error") : ""];
  return counted.filter((text) => text !== "");
}

function previewLine({ url, preview }: PreviewComment): string {
  if (preview === undefined || preview === "current") return `**Docs preview:** ${url}`;
  if (preview === "none") return `**Docs preview:** none yet; it is published to ${url} once a push builds`;
  const which = preview === "earlier" ? "an earlier commit" : `an earlier commit, ${short(preview)}`;
  return `**Docs preview:** ${url} still shows ${which}; it is replaced once a push builds`;
}

function checkedLine({ commit, head, base }: PreviewComment): string | undefined {
  if (commit === undefined || commit === "") return undefined;
  const merge = head === undefined || head === "" ? "" : `, the merge of ${short(head)}${base === undefined || base === "" ? "" : ` into ${code(base)}`}`;
  return `Checked ${short(commit)}${merge}; this comment is updated on every push.`;
}

function short(commit: string): string {
  return /^[0-9a-f]{40}$/i.test(commit) ? commit.slice(0, 7) : commit;
}

/** Inline code that a backtick in the text cannot end early. */
function code(text: string): string {
  return `\`${text.replaceAll("`", "'")}\``;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
