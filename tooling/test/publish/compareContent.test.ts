import { describe, expect, test } from "vitest";
import { compareContent } from "../../src/publish/compareContent.ts";
import type { LocalFile } from "../../src/publish/LocalFile.ts";

const md5 = "5d41402abc4b2a76b9719d911017c592"; // "hello"
const sha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
const local: LocalFile = { path: "a.txt", absolutePath: "/site/a.txt", size: 5, md5, sha256 };

describe("compareContent", () => {
  test.each([
    // single-part upload of the same bytes: the listing alone settles it, no HEAD
    { remote: { key: "p/a.txt", size: 5, etag: md5 }, expected: "same" },
    // ETags are case-insensitive hex
    { remote: { key: "p/a.txt", size: 5, etag: md5.toUpperCase() }, expected: "same" },
    // another size is another content, whatever the ETag
    { remote: { key: "p/a.txt", size: 6, etag: md5 }, expected: "different" },
    { remote: { key: "p/a.txt", size: 6, etag: "0123456789abcdef0123456789abcdef-2" }, expected: "different" },
    // multipart ETag at the same size: ask HeadObject
    { remote: { key: "p/a.txt", size: 5, etag: "0123456789abcdef0123456789abcdef-2" }, expected: "unknown" },
    // single-part ETag that differs at the same size (SSE-KMS ETags are not MD5s): ask HeadObject
    { remote: { key: "p/a.txt", size: 5, etag: "0123456789abcdef0123456789abcdef" }, expected: "unknown" },
    // after HeadObject, the sha256 metadata settles it either way
    { remote: { key: "p/a.txt", size: 5, etag: "0123456789abcdef0123456789abcdef-2", sha256 }, expected: "same" },
    { remote: { key: "p/a.txt", size: 5, etag: md5, sha256: "0".repeat(64) }, expected: "different" },
  ])("$remote.etag size $remote.size sha256 $remote.sha256 -> $expected", ({ remote, expected }) => {
    expect(compareContent(local, remote)).toBe(expected);
  });
});
