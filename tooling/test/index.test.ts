import { expect, it } from "vitest";

// the public face of @exemplar/tooling: a change to this list is a change to the package's API,
// to be made on purpose (and noted in the changelog)
it("exports exactly the public API", async () => {
  expect(Object.keys(await import("../src/index.ts")).sort()).toEqual([
    "ExemplarError",
    "GitHubError", // github
    "PREVIEW_MARKER", // github
    "checkExample",
    "checkProject",
    "defineConfig",
    "exampleUsages", // splice
    "findExamples",
    "findKeyedBlocks", // splice
    "formatLineDiff",
    "formatPlace",
    "formatPreviewComment", // github
    "formatProblem",
    "formatSummary",
    "keyFilter",
    "lineDiff",
    "loadConfig",
    "matchLine",
    "normalizePrefix", // publish
    "outputLines",
    "planPublish", // publish
    "planUnpublish", // publish
    "publishSite", // publish
    "readExampleFiles",
    "renderExampleCode", // splice
    "reporters",
    "resolveConfig",
    "runExamples",
    "spliceDocs", // splice
    "splicePage", // splice
    "summarize",
    "unpublishPrefix", // publish
    "upsertPullRequestComment", // github
    "wildcard",
  ]);
});

it("keeps defineConfig importable from @exemplar/tooling/config", async () => {
  expect(Object.keys(await import("../src/config/defineConfig.ts"))).toEqual(["defineConfig"]);
});
