import { expect, test } from "vitest";
import { findInvalidUtf8 } from "../../src/files/findInvalidUtf8.ts";

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => typeof part === "string" ? Buffer.from(part) : Buffer.from(part)));

test.each([
  // ASCII, multi-byte characters, a byte order mark, nothing at all
  ["ascii", bytes("# Title\n")],
  ["multi-byte", bytes("Café 🎉 ünïcode\r\n")],
  ["byte order mark", bytes([0xef, 0xbb, 0xbf], "# Title")],
  ["empty", bytes()],
])("%s is UTF-8", (_name, input) => {
  expect(findInvalidUtf8(input)).toBeUndefined();
});

test.each([
  // a Latin-1 `é` after `caf` on line 3
  ["Latin-1", bytes("a\n\ncaf", [0xe9], "\n"), { offset: 6, byte: 0xe9, line: 3, column: 4 }],
  // a lone continuation byte, after a multi-byte character (columns count UTF-16 units)
  ["continuation", bytes("é", [0x80]), { offset: 2, byte: 0x80, line: 1, column: 2 }],
  // an overlong `/`, an encoded surrogate, a value past U+10FFFF
  ["overlong", bytes("x", [0xc0, 0xaf]), { offset: 1, byte: 0xc0, line: 1, column: 2 }],
  ["surrogate", bytes("x", [0xed, 0xa0, 0x80]), { offset: 1, byte: 0xed, line: 1, column: 2 }],
  ["past U+10FFFF", bytes([0xf4, 0x90, 0x80, 0x80]), { offset: 0, byte: 0xf4, line: 1, column: 1 }],
  // a sequence cut by the end of the file
  ["truncated", bytes("ok", [0xe2, 0x82]), { offset: 2, byte: 0xe2, line: 1, column: 3 }],
  // lines end with `\n`, `\r\n` or a lone `\r`; a byte order mark takes no column
  ["CR-only lines", bytes("a\rb\r\nc\nd", [0xff]), { offset: 8, byte: 0xff, line: 4, column: 2 }],
  ["after a byte order mark", bytes([0xef, 0xbb, 0xbf], "ab", [0xfe]), { offset: 5, byte: 0xfe, line: 1, column: 3 }],
])("%s: the first bad byte and its place", (_name, input, expected) => {
  expect(findInvalidUtf8(input)).toEqual(expected);
});
