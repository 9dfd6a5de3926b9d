import type { PageText } from "../project/readPages.ts";
import type { DocsFindings } from "../records/CheckReport.ts";
import type { Project } from "../records/Project.ts";
import type { Verdict } from "../records/Verdict.ts";

// Speed: the Markdown parser (remark and micromark) is most of the CLI bundle's code. Why this
// file: `exemplar check` loads it (with `checkDocs`) only once the run is over and only when
// there are pages, so that a check of a project without docs, or a filtered one, never does.
// Proven by `npm run bench:engine` (its corpus has no docs); figures in BENCHMARKS.md.

/** `checkDocs`, its module imported on first use. */
export async function checkDocsLazily(project: Project, pages: readonly PageText[], verdicts: readonly Verdict[]): Promise<DocsFindings> {
  const { checkDocs } = await import("../splice/checkDocs.ts");
  return checkDocs(project, pages, verdicts);
}
