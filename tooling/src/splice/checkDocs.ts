import { parsePages } from "../project/parsePages.ts";
import type { PageText } from "../project/readPages.ts";
import type { DocsFindings } from "../records/CheckReport.ts";
import type { Project } from "../records/Project.ts";
import type { Verdict } from "../records/Verdict.ts";
import { docsFindings } from "./docsFindings.ts";
import { splice } from "./splice.ts";

/** What `exemplar check` says of the docs: `pages` parsed and spliced in memory against `verdicts`. Pure. */
export function checkDocs(project: Project, pages: readonly PageText[], verdicts: readonly Verdict[]): DocsFindings {
  return docsFindings(splice({ ...project, pages: parsePages(pages) }, verdicts));
}
