import { describe, expect, it } from "vitest";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { remarkFences } from "../../src/splice/remarkFences.ts";
import { remarkFencesBounded } from "../../src/splice/remarkFencesBounded.ts";

/** a page of sections (a heading, a quote, a nested list, a keyed block), over 16 KB in all */
const large = Array.from({ length: 300 }, (_, index) => `## Part ${index}\n\n> a quote\n\n- a list\n  - nested\n\n\`\`\`ts example=part.n${index}\n\`\`\`\n`).join("\n");
/** a long list whose items each nest lists five deep: micromark takes time growing with the square of it (160 KB: 21 s) */
const quadratic = Array.from({ length: 4000 }, () => Array.from({ length: 5 }, (_, depth) => `${"  ".repeat(depth)}- a`).join("\n")).join("\n\n") + "\n\n```ts example=a.b\n```\n";

describe("remarkFencesBounded", () => {
  it("finds in a large page, on its thread, what remark finds here", () => {
    expect(large.length).toBeGreaterThan(16 * 1024);
    const nodes = remarkFencesBounded(large, 0);
    expect(nodes).toEqual(remarkFences(large, 0));
    expect(nodes?.filter((node) => node.type === "code")).toHaveLength(300);
  });

  it("gives up on a page remark takes longer than the budget over, and parses the next one", () => {
    expect(remarkFencesBounded(quadratic, 0, 300)).toBeUndefined();
    // the thread that was ended is replaced
    expect(remarkFencesBounded(large, 0)).toEqual(remarkFences(large, 0));
  }, 60_000);
});

describe("findKeyedBlocks on a page over remark's budget", () => {
  it("refuses the page at its first line with what to do, and finds none of its blocks", () => {
    const found = findKeyedBlocks(quadratic, "docs/long-list.md", { budgetMs: 300 });
    expect(found.blocks).toEqual([]);
    expect(found.problems).toEqual([{
      file: "docs/long-list.md", line: 1, column: 1,
      message: "remark took more than 0.3 s to read where this page's blocks are, so none of them is checked: long lists or runs of quotes whose items nest lists or quotes take it time growing with their square; split the page, or nest less",
    }]);
  }, 60_000);
});
