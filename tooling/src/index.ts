// the public face of @exemplar/tooling: re-exports only. The stages, in the order a check runs
// them, then the records they hand on, then the pieces the docs explain, publishing and GitHub.
export { defineConfig, type ExemplarConfig } from "./config/defineConfig.ts";
export { loadConfig, resolveConfig, type ResolvedConfig } from "./config/loadConfig.ts";
export { openProject } from "./project/openProject.ts";
export { readProject, type ProjectTexts, type ReadProjectOptions } from "./project/readProject.ts";
export { parseProject } from "./project/parseProject.ts";
export { parseExamples } from "./project/parseExamples.ts";
export { parsePages } from "./project/parsePages.ts";
export type { PageText } from "./project/readPages.ts";
export { swapFile } from "./project/swapFile.ts";
export { runSetup, type ActiveSetup, type SetupResult } from "./setup/runSetup.ts";
export { runExamples, type RunExamplesOptions } from "./run/runExamples.ts";
export { openResultCache, type ResultCache } from "./cache/openResultCache.ts";
export { parseShard, shardExamples, type Shard } from "./run/shardExamples.ts";
export { affectedExamples } from "./project/affectedExamples.ts";
export { changedFiles, type ChangedFiles } from "./project/changedFiles.ts";
export { mergeReports, type JsonReport, type NamedReport } from "./merge/mergeReports.ts";
export type { Selection } from "./run/selectExamples.ts";
export { splice, type DocsPage, type Spliced, type SpliceOptions } from "./splice/splice.ts";
export { splicePage, type SplicedPage, type SplicePageOptions } from "./splice/splicePage.ts";
export type { SpliceContext } from "./splice/SpliceContext.ts";
export { writeSplicedPages, type WrittenPages } from "./splice/writeSplicedPages.ts";
export { docsFindings } from "./splice/docsFindings.ts";
export { updateExpectations } from "./update/updateExpectations.ts";
export { checkReport, type CheckFindings } from "./report/checkReport.ts";
export { reporters, type ReporterName } from "./report/reporters.ts";
export { formatSummary, summarize, type Summary } from "./report/summarize.ts";

export type { CheckReport, DocsFindings } from "./records/CheckReport.ts";
export { formatPlace, type Example, type Expectation, type Place } from "./records/Example.ts";
export type { ExampleUsage } from "./records/ExampleUsage.ts";
export type { ExpectUpdate, ExpectUpdates } from "./records/ExpectUpdate.ts";
export type { FoundBlocks, KeyedBlock } from "./records/KeyedBlock.ts";
export { formatProblem, type Problem } from "./records/Problem.ts";
export type { Page, Project } from "./records/Project.ts";
export type { Run } from "./records/Run.ts";
export type { RunError, RunResult, RunStatus } from "./records/RunResult.ts";
export type { SourceText } from "./records/SourceText.ts";
export type { StandAloneProblem } from "./records/StandAloneProblem.ts";
export type { Failure, Verdict } from "./records/Verdict.ts";
export { ExemplarError, type ExemplarErrorCode } from "./errors/ExemplarError.ts";

// single steps the docs show on their own: finding in a text, checking one result, matching a line
export { findExamples, type FoundExamples } from "./find/findExamples.ts";
export { checkExample } from "./check/checkExample.ts";
export { formatLineDiff } from "./check/lineDiff.ts";
export { matchLine } from "./check/matchLine.ts";

export { normalizePrefix } from "./publish/normalizePrefix.ts";
export { planPublish } from "./publish/planPublish.ts";
export { publishSite, type PublishOptions } from "./publish/publishSite.ts";
export type { PublishSummary } from "./publish/PublishSummary.ts";
export { planUnpublish } from "./publish/planUnpublish.ts";
export { unpublishPrefix, type UnpublishOptions } from "./publish/unpublishPrefix.ts";
export type { UnpublishSummary } from "./publish/UnpublishSummary.ts";
export type { LocalFile } from "./publish/LocalFile.ts";
export type { Plan, PlannedDelete, PlannedUpload, UnchangedFile } from "./publish/Plan.ts";
export type { RemoteObject } from "./publish/RemoteObject.ts";
export { formatPreviewComment, PREVIEW_MARKER, type PreviewComment } from "./github/formatPreviewComment.ts";
export { upsertPullRequestComment, type UpsertCommentOptions, type UpsertCommentResult } from "./github/upsertPullRequestComment.ts";
export { GitHubError, type GitHubErrorCode } from "./github/GitHubError.ts";
