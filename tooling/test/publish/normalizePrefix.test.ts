import { describe, expect, test } from "vitest";
import { ExemplarError } from "../../src/errors/ExemplarError.ts";
import { normalizePrefix } from "../../src/publish/normalizePrefix.ts";

describe("normalizePrefix", () => {
  test.each([
    // the usual preview folder gains its trailing slash
    { prefix: "pr-12", expected: "pr-12/" },
    // already normalised
    { prefix: "pr-12/", expected: "pr-12/" },
    // nested folders keep their order
    { prefix: "previews/pr-12", expected: "previews/pr-12/" },
    // doubled and trailing slashes collapse
    { prefix: "previews//pr-12///", expected: "previews/pr-12/" },
    // dots inside a name are not dot segments
    { prefix: "v1.2..3", expected: "v1.2..3/" },
    // --root alone publishes to the bucket root
    { prefix: undefined, root: true, expected: "" },
    // --root with an empty or "/" prefix says the same thing twice
    { prefix: "", root: true, expected: "" },
    { prefix: "/", root: true, expected: "" },
  ])("$prefix (root: $root) -> $expected", ({ prefix, root, expected }) => {
    expect(normalizePrefix({ prefix, root })).toBe(expected);
  });

  test.each([
    // empty: would publish to the bucket root and delete everything else there
    { prefix: "", message: /^refusing prefix "": expected a folder such as "pr-12\/" \(or --root/ },
    // only slashes is empty too
    { prefix: "//", message: /^refusing prefix "\/\/": expected a folder such as "pr-12\/"/ },
    // absolute: a leading slash, with the relative form as a hint
    { prefix: "/pr-12", message: /^refusing prefix "\/pr-12": expected a relative key prefix such as "pr-12\/"/ },
    // parent segments anywhere
    { prefix: "..", message: /^refusing prefix "\.\.": expected no "\.\." segments$/ },
    { prefix: "pr-12/../pr-13", message: /^refusing prefix "pr-12\/\.\.\/pr-13": expected no "\.\." segments$/ },
    // current-directory segments
    { prefix: "./pr-12", message: /^refusing prefix "\.\/pr-12": expected no "\." segments$/ },
    // a URL instead of a prefix
    { prefix: "s3://previews/pr-12", message: /^refusing prefix "s3:\/\/previews\/pr-12": expected a key prefix such as "pr-12\/", not a URL$/ },
    // Windows separators
    { prefix: "pr-12\\docs", message: /^refusing prefix "pr-12\\\\docs": expected "\/" between folders/ },
    // control characters
    { prefix: "pr-12\n", message: /^refusing prefix "pr-12\\n": expected no control characters$/ },
    // --root does not combine with a real prefix
    { prefix: "pr-12", root: true, message: /^refusing prefix "pr-12": --root publishes to the bucket root; give either --root or --prefix, not both$/ },
    // neither a prefix nor --root
    { prefix: undefined, message: /^refusing prefix "": expected a folder/ },
  ])("refuses $prefix (root: $root)", ({ prefix, root, message }) => {
    let caught: unknown;
    try {
      normalizePrefix({ prefix, root });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExemplarError);
    expect((caught as ExemplarError).code).toBe("EXEMPLAR_PUBLISH_PREFIX");
    expect((caught as ExemplarError).message).toMatch(message);
  });
});
