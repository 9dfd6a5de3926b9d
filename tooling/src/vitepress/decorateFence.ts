import type { FenceState } from "./FenceState.ts";
import type { Revision } from "./readRevision.ts";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `at commit abc1234 (2025-06-01) + local changes`, or what is said outside git */
function when(revision: Revision | undefined): string {
  if (!revision) return "in this build (not in a git repository, so no commit to name)";
  const date = revision.date.slice(0, 10);
  const local = revision.localChanges ? ` <span class="exemplar-local" title="the working tree differed from this commit when it ran">+ local changes</span>` : "";
  return `at commit <span class="exemplar-commit" title="${escape(revision.commit)}">${escape(revision.commit.slice(0, 7))}</span> (<time datetime="${escape(revision.date)}">${escape(date)}</time>)${local}`;
}

function source(state: FenceState): string {
  if (!state.source) return "";
  const place = escape(state.source.place);
  return ` · ${state.source.url ? `<a href="${escape(state.source.url)}" target="_blank" rel="noreferrer">${place}</a>` : `<span>${place}</span>`}`;
}

function errorBox(state: FenceState, detailed: boolean): string {
  const key = escape(state.key);
  const title = `<p class="custom-block-title">Example ${key} failed</p>`;
  // a page that shows an example twice (its code and its output) says why it failed once
  if (!detailed) return `<div class="exemplar-error custom-block danger" data-example="${key}">${title}<p><a href="#exemplar-failure-${key}">Why: see its first block above</a></p></div>`;
  const problem = state.problem === undefined ? "" : `<p>${escape(state.problem)}</p>`;
  const failures = (state.failures ?? []).map((failure) => `<p>${escape(failure.message)}</p>${failure.diff ? `<pre>${escape(failure.diff)}</pre>` : ""}`).join("");
  const stderr = state.stderr ? `<p>stderr:</p><pre>${escape(state.stderr)}</pre>` : "";
  return `<div class="exemplar-error custom-block danger" id="exemplar-failure-${key}" data-example="${key}">${title}${problem}${failures}${stderr}</div>`;
}

function mark(state: FenceState): string {
  const key = escape(state.key);
  if (state.status === "verified") {
    const what = state.kind === "code" || state.earlier ? "ran and passed" : "printed this";
    // a kept output (see FenceState.earlier) says whose text it is
    const earlier = state.earlier ? " · output of an earlier run: only the values it expects to vary (ids, times) differ from this one's" : "";
    return `<div class="exemplar-verified" data-example="${key}"><strong><span aria-hidden="true">✓</span> Verified</strong>: ${what} ${when(state.revision)}${earlier}${source(state)}</div>`;
  }
  const why = state.skipped === undefined ? "it did not run in this build" : `it is skipped (${escape(state.skipped)})`;
  return `<div class="exemplar-unverified" data-example="${key}">Not verified: ${why}${source(state)}</div>`;
}

/**
 * The HTML of a keyed block: the block as VitePress rendered it (`html`) in a figure named after
 * the example, an "Output" caption over an output block, and under it the mark that says what
 * verified it (at which commit, from which source line), or an error box with the reasons and
 * the diff (only when `detailed`: the page's first block of the example), or a note that
 * nothing ran it. A code-group tab's `active` class moves to the figure, which is then the tab.
 * Pure, so tests can pin the markup.
 */
export function decorateFence(state: FenceState, html: string, { detailed = true } = {}): string {
  const key = escape(state.key);
  let block = html;
  let active = "";
  const opening = /^<div class="([^"]*)"/.exec(html);
  if (opening && /(^| )active( |$)/.test(opening[1]!)) {
    block = `<div class="${opening[1]!.replace(/(^| )active(?= |$)/, "")}"${html.slice(opening[0].length)}`;
    active = " active";
  }
  const output = state.kind === "output";
  const label = output ? `Output of example ${key}` : `Example ${key}`;
  const caption = output ? `<figcaption class="exemplar-caption">Output</figcaption>` : "";
  const after = state.status === "failed" ? errorBox(state, detailed) : mark(state);
  return `<figure class="exemplar-block exemplar-${state.kind}${active}" data-example="${key}" data-status="${state.status}" aria-label="${label}">${caption}${block}${after}</figure>`;
}
