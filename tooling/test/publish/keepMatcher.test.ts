import { describe, expect, test } from "vitest";
import { keepMatcher } from "../../src/publish/keepMatcher.ts";

describe("keepMatcher", () => {
  test.each([
    // the previews beside a root site
    { patterns: ["pr-*"], key: "pr-12/index.html", kept: true },
    { patterns: ["pr-*/"], key: "pr-12/assets/app.js", kept: true },
    // a page named like a preview is the site's own
    { patterns: ["pr-*"], key: "pr-12.html", kept: false },
    // `*` stays inside one folder name; patterns are anchored at the prefix
    { patterns: ["pr-*"], key: "docs/pr-12/index.html", kept: false },
    { patterns: ["a/*"], key: "a/b/c.html", kept: true },
    { patterns: ["a/*"], key: "a/b.html", kept: false },
    // regex characters in a pattern are literal
    { patterns: ["v1.0"], key: "v1x0/index.html", kept: false },
    // no patterns keep nothing; several keep the union
    { patterns: [], key: "pr-1/index.html", kept: false },
    { patterns: ["pr-*", "archive"], key: "archive/2023/index.html", kept: true },
  ])("$patterns keeps $key: $kept", ({ patterns, key, kept }) => {
    expect(keepMatcher(patterns)(key)).toBe(kept);
  });

  test.each(["", "/", "/pr-*", "../pr-*", "pr-*/../x", "a\\b", "a//b"])("refuses %j", (pattern) => {
    expect(() => keepMatcher([pattern])).toThrow(/^--keep ".*" is not a folder pattern; expected e\.g\. --keep 'pr-\*'$/);
  });
});
