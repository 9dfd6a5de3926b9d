import type { Verdict } from "../records/Verdict.ts";

/** What the site knows of one keyed block when it renders it. */
export interface FenceState {
  kind: "code" | "output";
  key: string;
  /** the example's verdict in the latest run, when it ran */
  verdict?: Verdict;
  /** why the block could not be filled (unknown key, failed example...) */
  problem?: string;
  /** link to the example's source, when the config names a repository */
  sourceUrl?: string;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The HTML that follows a keyed code block on the site: a small "verified" marker with a link to
 * the example's source, or, when the example failed or the block is wrong, an error box with the
 * reason and the diff. Pure, so tests can pin the markup.
 */
export function decorateFence(state: FenceState): string {
  const failures = state.verdict?.status === "failed" ? state.verdict.failures : [];
  if (state.problem !== undefined || failures.length > 0) {
    const details = failures.map((failure) => `<p>${escape(failure.message)}</p>${failure.diff ? `<pre>${escape(failure.diff)}</pre>` : ""}`).join("");
    const stderr = state.verdict?.result.stderr.trim() ? `<p>stderr:</p><pre>${escape(state.verdict.result.stderr.trimEnd())}</pre>` : "";
    return `<div class="exemplar-error custom-block danger" data-example="${escape(state.key)}"><p class="custom-block-title">Example ${escape(state.key)} failed</p>${state.problem ? `<p>${escape(state.problem)}</p>` : ""}${details}${stderr}</div>`;
  }
  if (state.verdict?.status !== "passed") return "";
  const what = state.kind === "code" ? "ran and passed" : "real output";
  const source = state.sourceUrl ? ` · <a href="${escape(state.sourceUrl)}" target="_blank" rel="noreferrer">source</a>` : "";
  return `<div class="exemplar-verified" data-example="${escape(state.key)}"><span title="checked by exemplar check in this build">✓ verified</span> ${what} in this build${source}</div>`;
}
