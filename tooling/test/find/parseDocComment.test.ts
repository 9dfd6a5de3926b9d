import { describe, expect, it } from "vitest";
import { parseDocComment } from "../../src/find/parseDocComment.ts";

describe("parseDocComment", () => {
  it("splits description and tags, with each line's number and each tag's column", () => {
    const comment = parseDocComment(["/**", " * Saves a model.", " *", " * @example a.b", " * @expect", " *   x", " */"].join("\n"), 10);
    expect(comment.description).toBe("Saves a model.");
    expect(comment.tags.map(({ name, value, line, column, body, prefix }) => ({ name, value, line, column, body, prefix }))).toEqual([
      { name: "example", value: "a.b", line: 13, column: 4, body: [], prefix: " * " },
      { name: "expect", value: "", line: 14, column: 4, body: [{ text: "  x", line: 15 }], prefix: " * " },
    ]);
  });

  it("reads a one-line comment, with columns counted from the comment's own column", () => {
    expect(parseDocComment("/** @example a */", 3, 5).tags.map(({ name, value, line, column }) => ({ name, value, line, column }))).toEqual([
      { name: "example", value: "a", line: 3, column: 9 },
    ]);
  });

  it("reads text after `\\@` as text, and `@` not followed by a letter as text", () => {
    const comment = parseDocComment(["/**", " * @expect", " * \\@expect", " * @ 1", " * me@x", " */"].join("\n"), 1);
    expect(comment.tags.map((tag) => tag.name)).toEqual(["expect"]);
    expect(comment.tags[0]!.body.map((line) => line.text)).toEqual(["@expect", "@ 1", "me@x"]);
  });

  it("reads CRLF comments", () => {
    expect(parseDocComment("/**\r\n * @expect\r\n * a\r\n */", 1).tags[0]!.body).toEqual([{ text: "a", line: 3 }]);
  });

  it("keeps lines without a leading star, without their indentation", () => {
    expect(parseDocComment("/**\n  @expect\n    a\n*/", 1).tags[0]!.body).toEqual([{ text: "a", line: 3 }]);
  });
});
