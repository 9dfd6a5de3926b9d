import { describe, expect, test } from "vitest";
import { didYouMean } from "../../src/find/didYouMean.ts";
import { keyFilter } from "../../src/find/keyFilter.ts";
import { parseRegex } from "../../src/find/parseRegex.ts";

// the small pure helpers of finding, one table each

describe("keyFilter", () => {
  test.each<[string, string, boolean]>([
    // a prefix and a star
    ["registry.*", "registry.save", true],
    // the star crosses dots and slashes
    ["registry.*", "registry.save/v2.x", true],
    // the dot is literal
    ["registry.*", "registryXsave", false],
    // anchored at both ends
    ["save", "registry.save", false],
    // a question mark is one character
    ["a?c", "abc", true],
    // ... exactly one
    ["a?c", "ac", false],
    // a star alone selects everything
    ["*", "anything.at/all", true],
    // regex characters are literal
    ["a+b", "aab", false],
  ])("%s selects %s: %s", (glob, key, selected) => {
    expect(keyFilter(glob)(key)).toBe(selected);
  });
});

describe("didYouMean", () => {
  test.each<[string, string[], string | undefined]>([
    // one letter missing
    ["expet", ["expect", "example"], "expect"],
    // case is ignored
    ["EXPECTERROR", ["expectError", "expect"], "expectError"],
    // the closest wins
    ["expectMatc", ["expect", "expectMatch"], "expectMatch"],
    // nothing close enough
    ["frobnicate", ["expect", "example"], undefined],
    // no candidates
    ["x", [], undefined],
  ])("%s among %j: %s", (value, candidates, suggestion) => {
    expect(didYouMean(value, candidates)).toBe(suggestion);
  });
});

describe("parseRegex", () => {
  test.each<[string, RegExp | string]>([
    // a pattern
    ["/a+b/", /a+b/],
    // with flags
    ["/a+b/gim", /a+b/gim],
    // slashes inside
    ["/a\\/b/", /a\/b/],
    // not a regex literal
    ["a+b", "expected a regular expression written as /pattern/flags, got `a+b`"],
    // empty pattern
    ["//", "expected a regular expression written as /pattern/flags, got `//`"],
  ])("%s", (text, expected) => {
    expect(parseRegex(text)).toEqual(expected);
  });

  test("a pattern that does not compile", () => {
    expect(parseRegex("/(a/")).toMatch(/^invalid regular expression `\/\(a\/`: Invalid regular expression: \/\(a\/: Unterminated group$/);
  });
});
