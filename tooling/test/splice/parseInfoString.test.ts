import { expect, test } from "vitest";
import { parseInfoString } from "../../src/splice/parseInfoString.ts";

const keyRule = "expected `example=KEY` or `example-output=KEY` with a key of lowercase letters, digits, `.`, `-` and `/`";

test.each([
  // a plain language
  ["ts", { lang: "ts", full: false, isStatic: false, problems: [] }],
  // no info string at all
  ["", { full: false, isStatic: false, problems: [] }],
  // a keyed code block, VitePress words kept for the renderer
  ["ts example=registry.save {2,4} [registry.ts]", { lang: "ts", key: "registry.save", kind: "code", full: false, isStatic: false, problems: [] }],
  // an output block
  ["text example-output=registry.save", { lang: "text", key: "registry.save", kind: "output", full: false, isStatic: false, problems: [] }],
  // `full`, and leading/trailing spaces
  ["  ts   example=a/b-c.d full  ", { lang: "ts", key: "a/b-c.d", kind: "code", full: true, isStatic: false, problems: [] }],
  // the key as the first word: there is no language
  ["example=a", { key: "a", kind: "code", full: false, isStatic: false, problems: [] }],
  // VitePress suffixes glued to the language are not part of it
  ["TS{1,3}", { lang: "ts", full: false, isStatic: false, problems: [] }],
  ["ts:line-numbers", { lang: "ts", full: false, isStatic: false, problems: [] }],
  // the opt-out
  ["ts static", { lang: "ts", full: false, isStatic: true, problems: [] }],
  // `example=` with nothing
  ["ts example=", { lang: "ts", full: false, isStatic: false, problems: [`\`example=\` needs a key: ${keyRule}`] }],
  // `example` with no `=`
  ["ts example-output", { lang: "ts", full: false, isStatic: false, problems: [`\`example-output\` needs a key: ${keyRule}`] }],
  // bad characters
  ["ts example=Foo_bar", { lang: "ts", full: false, isStatic: false, problems: [`invalid example key \`Foo_bar\` in \`example=Foo_bar\`: ${keyRule}`] }],
  // a misspelled attribute is not silently ignored
  ["ts examples=foo", { lang: "ts", full: false, isStatic: false, problems: [`unknown word \`examples=foo\`: ${keyRule}`] }],
  // two keys in one block
  ["ts example=a example-output=b", { lang: "ts", key: "a", kind: "code", full: false, isStatic: false, problems: ["`example-output=b`: the block already shows `example=a`; a block shows one example's code or output"] }],
])("%j", (info, expected) => {
  expect(parseInfoString(info)).toEqual(expected);
});
