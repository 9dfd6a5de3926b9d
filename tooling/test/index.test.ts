import { expect, it } from "vitest";

// the public face of @exemplar/tooling: a change to this list is a change to the package's API,
// to be made on purpose (and noted in the changelog)
it("exports exactly the public API", async () => {
  expect(Object.keys(await import("../src/index.ts")).sort()).toEqual([
    "ExemplarError",
    "GitHubError", // github
    "PREVIEW_MARKER", // github
    "affectedExamples", // check --changed
    "changedFiles", // check --changed
    "checkExample", // one step: a result against an example's expectations
    "checkReport", // stage: report
    "defineConfig",
    "docsFindings", // stage: report (what check says of the docs)
    "findExamples", // one step: the examples of a text
    "formatLineDiff",
    "formatPlace",
    "formatPreviewComment", // github
    "formatProblem",
    "formatSummary",
    "loadConfig",
    "matchLine",
    "mergeReports", // merge-reports: a sharded run's reports
    "normalizePrefix", // publish
    "openProject", // stage: open
    "openResultCache", // the run stage's result cache
    "parseExamples", // stage: open, the example files' half
    "parsePages", // stage: open, the pages' half
    "parseProject", // stage: open, from texts already read
    "parseShard", // check --shard
    "planPublish", // publish
    "planUnpublish", // publish
    "publishSite", // publish
    "readProject", // stage: open, reading only
    "reporters", // stage: report
    "resolveConfig",
    "runExamples", // stage: run
    "runSetup", // a setup kept across runs
    "shardExamples", // check --shard
    "splice", // stage: splice
    "splicePage", // stage: splice, one page
    "summarize",
    "swapFile", // stage: open, one file changed
    "unpublishPrefix", // publish
    "updateExpectations", // check --update
    "upsertPullRequestComment", // github
    "writeSplicedPages", // splice --write
  ]);
});

it("keeps defineConfig importable from @exemplar/tooling/config", async () => {
  expect(Object.keys(await import("../src/config/defineConfig.ts"))).toEqual(["defineConfig"]);
});

it.each([
  ["@exemplar/tooling", "../src/index.ts"],
  ["@exemplar/tooling/config", "../src/config/defineConfig.ts"],
  ["@exemplar/tooling/vitepress", "../src/vitepress/index.ts"],
])("%s, by package name, is the built JavaScript of the same exports", async (entry, source) => {
  const resolved = import.meta.resolve(entry);
  expect(resolved).toMatch(/\/tooling\/dist\/\w+\.js$/);
  expect(Object.keys(await import(/* @vite-ignore */ resolved)).sort()).toEqual(Object.keys(await import(/* @vite-ignore */ source)).sort());
});
