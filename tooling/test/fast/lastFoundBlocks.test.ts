import { describe, expect, it } from "vitest";
import { lastFoundBlocks } from "../../src/fast/lastFoundBlocks.ts";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";

const page = (key: string) => `# Page\n\n\`\`\`ts example=${key}\n\`\`\`\n`;

describe("lastFoundBlocks", () => {
  it("finds what findKeyedBlocks finds, once per text of a page", () => {
    const find = lastFoundBlocks();
    const first = find(page("a.one"), "docs/a.md");
    expect(first).toEqual(findKeyedBlocks(page("a.one"), "docs/a.md"));
    expect(find(page("a.one"), "docs/a.md")).toBe(first);
    // another page with the same text is named in its own problems: found on its own
    expect(find(page("a.one"), "docs/b.md")).not.toBe(first);
  });

  it("finds a page again when its text changed", () => {
    const find = lastFoundBlocks();
    find(page("a.one"), "docs/a.md");
    expect(find(page("a.two"), "docs/a.md").blocks.map((block) => block.key)).toEqual(["a.two"]);
  });
});
