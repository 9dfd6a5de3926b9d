import { expect, test } from "vitest";
import { escapeXml } from "../../src/report/escapeXml.ts";

test.each([
  // plain text is unchanged
  { text: "hello, world", xml: "hello, world" },
  // the five characters XML gives meaning to, but the apostrophe (attributes are double-quoted)
  { text: `a & b < c > d "e" 'f'`, xml: `a &amp; b &lt; c &gt; d &quot;e&quot; 'f'` },
  // tab and LF are kept as they are
  { text: "a\tb\nc", xml: "a\tb\nc" },
  // CR as a reference: a parser turns a raw CR (and CRLF) into LF
  { text: "50%\r100%\r\n", xml: "50%&#13;100%&#13;\n" },
  // an emoji (astral, a surrogate pair in JavaScript) is kept
  { text: "ok 😀", xml: "ok 😀" },
  // other astral characters too: a math letter and the last code point
  { text: "𝒳\u{10FFFF}", xml: "𝒳\u{10FFFF}" },
  // accents, CJK and the last characters before the surrogates and after them
  { text: "é中\uD7FF\uE000\uFFFD", xml: "é中\uD7FF\uE000\uFFFD" },
  // NUL and the other C0 controls XML forbids become visible escapes
  { text: "a\u0000b\u0001c\u001Fd", xml: "a\\u0000b\\u0001c\\u001fd" },
  // ESC of a terminal colour code is forbidden too; the rest of the code is text
  { text: "\u001b[31mred\u001b[0m", xml: "\\u001b[31mred\\u001b[0m" },
  // vertical tab and form feed are C0 controls as well
  { text: "\v\f", xml: "\\u000b\\u000c" },
  // a lone high surrogate, and a lone low one
  { text: "a\uD83Db", xml: "a\\ud83db" },
  { text: "a\uDE00b", xml: "a\\ude00b" },
  // two low surrogates in a row are no pair: each escaped
  { text: "\uDE00\uDE00", xml: "\\ude00\\ude00" },
  // the two noncharacters XML 1.0 excludes
  { text: "\uFFFE\uFFFF", xml: "\\ufffe\\uffff" },
  // DEL and C1 controls are allowed by XML 1.0: kept
  { text: "\u007F\u0085\u009F", xml: "\u007F\u0085\u009F" },
])("$text", ({ text, xml }) => {
  expect(escapeXml(text)).toBe(xml);
});
