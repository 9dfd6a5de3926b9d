import type { ResolvedConfig } from "../config/loadConfig.ts";
import type { FenceState } from "./decorateFence.ts";
import type { SiteState } from "./mergeRun.ts";

/**
 * What to show under the keyed block whose info string is `info`: its verdict, the problem
 * its page's splice found (`blockProblems`), the link to its source. Undefined for a block that
 * shows no example. Pure.
 */
export function fenceState(state: SiteState, config: ResolvedConfig, info: string, blockProblems: ReadonlyMap<string, string> | undefined): FenceState | undefined {
  const word = info.split(/\s+/).find((candidate) => /^example(-output)?=/.test(candidate));
  if (!word) return undefined;
  const [name, key = ""] = word.split("=");
  const shown: FenceState = { kind: name === "example" ? "code" : "output", key };
  const verdict = state.verdicts.get(key);
  if (verdict) shown.verdict = verdict;
  const problem = blockProblems?.get(word);
  if (problem) shown.problem = problem;
  const example = state.context.examples.find((candidate) => candidate.key === key);
  if (example && config.repository) shown.sourceUrl = `${config.repository.replace(/\/$/, "")}/${example.file}#L${example.line}`;
  return shown;
}
