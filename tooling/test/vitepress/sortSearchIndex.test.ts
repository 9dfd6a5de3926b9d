// the MiniSearch that VitePress's local search uses (a dependency of vitepress)
import MiniSearch, { type Options } from "minisearch";
import { describe, expect, it } from "vitest";
import { sortSearchIndex, type SearchIndexJSON } from "../../src/vitepress/sortSearchIndex.ts";

interface Section {
  id: string;
  title: string;
  titles: string[];
  text: string;
}

// VitePress's options for its index
const options: Options<Section> = { fields: ["title", "titles", "text"], storeFields: ["title", "titles"] };

const sections: Section[] = [
  { id: "/guide/start.html", title: "Getting started", titles: [], text: "Install the zebrafinch package and run it." },
  { id: "/guide/start.html#install", title: "Install", titles: ["Getting started"], text: "npm install zebrafinch" },
  { id: "/", title: "Exemplar", titles: [], text: "Documentation as tests: every snippet ran." },
  { id: "/guide/writing.html", title: "Writing docs", titles: [], text: "Keyed blocks show an example's code and its output, every build." },
];

/** the index VitePress writes when the sections are added in this order */
function indexed(order: Section[], { discard }: { discard?: string } = {}): SearchIndexJSON {
  const index = new MiniSearch<Section>(options);
  for (const section of order) index.add(section);
  if (discard) index.discard(discard);
  return JSON.parse(JSON.stringify(index)) as SearchIndexJSON;
}

const search = (json: SearchIndexJSON, query: string) =>
  MiniSearch.loadJSON<Section>(JSON.stringify(json), options)
    .search(query, { prefix: true })
    .map(({ id, score, title }) => ({ id, title, score: Number(score.toFixed(9)) }));

describe("sortSearchIndex", () => {
  it("writes the same index whatever order the sections were added in", () => {
    const forward = indexed(sections);
    const reversed = indexed([...sections].reverse());
    const shuffled = indexed([sections[2]!, sections[0]!, sections[3]!, sections[1]!]);
    // without it they differ: that is what changed the site's chunks and pages between two builds
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(forward));
    expect(JSON.stringify(sortSearchIndex(reversed))).toBe(JSON.stringify(sortSearchIndex(forward)));
    expect(JSON.stringify(sortSearchIndex(shuffled))).toBe(JSON.stringify(sortSearchIndex(forward)));
  });

  it("numbers documents by their sorted ids and sorts the terms", () => {
    const sorted = sortSearchIndex(indexed([...sections].reverse()));
    expect(sorted.documentIds).toEqual({ 0: "/", 1: "/guide/start.html", 2: "/guide/start.html#install", 3: "/guide/writing.html" });
    expect(sorted.storedFields).toEqual({ 0: { title: "Exemplar", titles: [] }, 1: { title: "Getting started", titles: [] }, 2: { title: "Install", titles: ["Getting started"] }, 3: { title: "Writing docs", titles: [] } });
    const terms = sorted.index.map(([term]) => term);
    expect(terms).toEqual([...terms].sort());
    expect(sorted.index.find(([term]) => term === "zebrafinch")).toEqual(["zebrafinch", { 2: { 1: 1, 2: 1 } }]);
    expect(sorted).toMatchObject({ documentCount: 4, nextId: 4, dirtCount: 0, serializationVersion: 2 });
  });

  it("finds what the index it was given finds, with the same scores", () => {
    const reversed = indexed([...sections].reverse());
    for (const query of ["zebrafinch", "install", "every", "docs", "exemplar"]) {
      expect(search(sortSearchIndex(reversed), query), query).toEqual(search(reversed, query));
      expect(search(sortSearchIndex(reversed), query).length, query).toBeGreaterThan(0);
    }
  });

  it("drops what a discarded document left behind", () => {
    const sorted = sortSearchIndex(indexed(sections, { discard: "/guide/start.html#install" }));
    expect(Object.values(sorted.documentIds)).toEqual(["/", "/guide/start.html", "/guide/writing.html"]);
    expect(sorted).toMatchObject({ documentCount: 3, nextId: 3, dirtCount: 0 });
    expect(sorted.index.find(([term]) => term === "npm")).toBeUndefined();
    expect(search(sorted, "zebrafinch").map(({ id }) => id)).toEqual(["/guide/start.html"]);
  });
});
