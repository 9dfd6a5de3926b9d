import { formatProblem } from "../records/Problem.ts";
import type { ExemplarSite } from "./ExemplarSite.ts";

/**
 * The warnings of the latest report about shown snippets that do not stand alone (of the example
 * `files` only, relative to the root, when given), one a line, under a line that counts them;
 * undefined when there are none. Without a prefix: Vite's build names the plugin of a warning.
 */
export function describeStandAlone(site: ExemplarSite, files?: ReadonlySet<string>): string | undefined {
  const warnings = (site.report().standAlone ?? []).filter((problem) => files === undefined || files.has(problem.file));
  if (warnings.length === 0) return undefined;
  return `${warnings.length} shown snippet${warnings.length === 1 ? " does" : "s do"} not stand alone (\`exemplar check --strict\` fails on them):\n${warnings.map(formatProblem).join("\n")}`;
}
