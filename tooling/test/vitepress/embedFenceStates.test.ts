import { describe, expect, it } from "vitest";
import { embedFenceStates, takeFenceStates } from "../../src/vitepress/embedFenceStates.ts";
import type { FenceState } from "../../src/vitepress/FenceState.ts";

const failed: FenceState = { kind: "output", key: "a.one", status: "failed", failures: [{ message: "no match", diff: "-<!-- x -->\n+a --> b" }] };

describe("embedFenceStates", () => {
  it("appends the states as the page's last line, and takes them off again", () => {
    const text = "# A\n\n```text example-output=a.one\n```\n";
    const embedded = embedFenceStates(text, { "example-output=a.one": failed });
    expect(embedded.startsWith(`${text}<!-- exemplar-fences {`)).toBe(true);
    expect(embedded.endsWith("} -->\n")).toBe(true);
    expect(takeFenceStates(embedded)).toEqual({ src: text, states: { "example-output=a.one": failed } });
  });

  it("keeps the states' text from ending or opening an HTML comment", () => {
    const embedded = embedFenceStates("text\n", { "example-output=a.one": failed });
    expect(embedded.slice("text\n<!--".length, -"-->\n".length)).not.toMatch(/<|>/);
  });

  it("starts the line on a line of its own when the text does not end with a line break", () => {
    expect(takeFenceStates(embedFenceStates("no break", {}))).toEqual({ src: "no break\n", states: {} });
    expect(takeFenceStates(embedFenceStates("", {}))).toEqual({ src: "", states: {} });
  });

  it.each([
    // a page VitePress renders from its file, never spliced
    ["# A\n\n```ts example=a.one\n```\n"],
    // the marker not on the last line
    ['<!-- exemplar-fences {"x":1} -->\nmore\n'],
    // a last line that is not JSON
    ["text\n<!-- exemplar-fences {not json} -->\n"],
  ])("finds no states in %j", (src) => {
    expect(takeFenceStates(src)).toEqual({ src, states: undefined });
  });
});
