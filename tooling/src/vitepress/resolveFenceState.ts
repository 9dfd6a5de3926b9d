import { formatPlace } from "../records/Example.ts";
import type { FenceState } from "./FenceState.ts";
import type { SiteState } from "./mergeRun.ts";
import type { Revision } from "./readRevision.ts";
import { sourceUrl, type SourceLinks } from "./sourceUrl.ts";

/** What a block's mark is made of besides the verdict. */
export interface MarkContext {
  /** the problem the page's splice found for the block, when it could not be filled */
  problem?: string | undefined;
  /** the commit at which the run that gave the example its verdict ran; undefined outside git */
  revision?: Revision | undefined;
  links: SourceLinks;
  /** an output block shows the text an earlier run printed, which this run's checks passed too */
  kept?: boolean;
}

/**
 * What to show with the keyed block whose word is `word` (`example=KEY`, `example-output=KEY`):
 * verified only when the example passed in the latest run and the block could be filled from
 * it; failed with the reasons when it failed or the block has a problem; unverified when nothing
 * ran it. Pure.
 */
export function resolveFenceState(state: SiteState, word: string, context: MarkContext): FenceState {
  const [name, key = ""] = word.split("=");
  const shown: FenceState = { kind: name === "example" ? "code" : "output", key, status: "unverified" };
  const verdict = state.verdicts.get(key);
  const example = state.context.examples.find((candidate) => candidate.key === key);
  if (example) {
    const url = sourceUrl(example.file, example.line, context.links, context.revision);
    shown.source = { place: formatPlace(example), ...(url ? { url } : {}) };
  }
  if (context.problem !== undefined || verdict?.status === "failed") {
    shown.status = "failed";
    if (context.problem !== undefined) shown.problem = context.problem;
    if (verdict?.status === "failed") {
      shown.failures = verdict.failures.map((failure) => (failure.diff ? { message: failure.message, diff: failure.diff } : { message: failure.message }));
      if (verdict.result.stderr.trim()) shown.stderr = verdict.result.stderr.trimEnd();
    }
  } else if (verdict?.status === "passed") {
    shown.status = "verified";
    if (context.revision) shown.revision = context.revision;
    if (context.kept) shown.earlier = true;
  } else if (verdict?.status === "skipped" && example?.skip !== undefined) {
    shown.skipped = example.skip;
  }
  return shown;
}
