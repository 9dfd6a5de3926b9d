import { describe, expect, it } from "vitest";
import { memoizeHighlight } from "../../src/fast/memoizeHighlight.ts";

/** a highlighter that says what it was given and how many times it ran */
function counting() {
  const calls: string[] = [];
  const highlight = (code: string, lang: string, attrs: string) => (calls.push(code), `<pre data-lang="${lang}" data-attrs="${attrs}">${code}</pre>`);
  return { calls, highlight };
}

describe("memoizeHighlight", () => {
  it("highlights a block once, and again when its text, language or attributes differ", () => {
    const { calls, highlight } = counting();
    const memo = memoizeHighlight(highlight);
    expect(memo("a()", "ts", "")).toBe(highlight("a()", "ts", ""));
    calls.length = 0;
    memo("a()", "ts", "");
    expect(calls).toEqual([]);
    memo("a()", "js", "");
    memo("a()", "ts", "{1}");
    memo("b()", "ts", "");
    expect(calls).toEqual(["a()", "a()", "b()"]);
    expect(memo("a()", "ts", "{1}")).toBe('<pre data-lang="ts" data-attrs="{1}">a()</pre>');
  });

  it("keeps no more blocks than it is told, forgetting the least recently used", () => {
    const { calls, highlight } = counting();
    const memo = memoizeHighlight(highlight, 2);
    memo("one", "ts", "");
    memo("two", "ts", "");
    memo("one", "ts", "");
    memo("three", "ts", "");
    calls.length = 0;
    memo("one", "ts", "");
    memo("two", "ts", "");
    expect(calls).toEqual(["two"]);
  });
});
