import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/loadConfig.ts";
import { openParseCache } from "../../src/fast/openParseCache.ts";
import { parseExamples, type KnownFindings } from "../../src/project/parseExamples.ts";
import type { SourceText } from "../../src/records/SourceText.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
const tempRoot = () => {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-parse-cache-"));
  roots.push(root);
  return root;
};
const config = { root: "/project" } as ResolvedConfig;

const sources: SourceText[] = [
  { file: "examples/a.ts", text: "/**\n * @example a.match\n * @expectMatch /^a+$/i\n */\nexport function one() { console.log(unit); }\nconst unit = 'A';\n" },
  { file: "examples/b.ts", text: "/**\n * @example b.error\n * @expectError /boom \\d/\n */\nexport function two() { throw new Error('boom 1'); }\n" },
  { file: "examples/c.ts", text: "/**\n * @example a.match\n * @expect\n * c\n */\nexport function three() { console.log('c'); }\nexport const broken = ;\n" },
];

/** a cache that counts what it was asked and told */
function counting(known: KnownFindings) {
  const counts = { reused: 0, parsed: 0 };
  return {
    counts,
    get: (source: SourceText) => {
      const found = known.get(source);
      if (found) counts.reused++;
      return found;
    },
    set: (source: SourceText, findings: Parameters<KnownFindings["set"]>[1]) => {
      counts.parsed++;
      known.set(source, findings);
    },
  };
}
const plain = (project: ReturnType<typeof parseExamples>) => JSON.parse(JSON.stringify({ examples: project.examples, problems: project.problems, standAlone: project.standAlone }));

describe("openParseCache", () => {
  it("answers a second run with what the first parse found, the same as a parse, RegExp included", async () => {
    const file = path.join(tempRoot(), "examples.json");
    const fresh = parseExamples({ config, sources });
    const opened = openParseCache("/project", { file });
    const first = counting(opened);
    const firstProject = parseExamples({ config, sources }, first);
    expect(first.counts).toEqual({ reused: 0, parsed: 3 });
    expect(plain(firstProject)).toEqual(plain(fresh));
    await opened.save();

    const second = counting(openParseCache("/project", { file }));
    const secondProject = parseExamples({ config, sources }, second);
    expect(second.counts).toEqual({ reused: 3, parsed: 0 });
    expect(plain(secondProject)).toEqual(plain(fresh));
    // the duplicate key across files, the syntax error and the stand-alone problem are all there
    expect(secondProject.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual([
      "examples/c.ts:7: syntax error: Expression expected.",
      "examples/a.ts:5: duplicate example key `a.match`: also at examples/c.ts:6",
      "examples/c.ts:6: duplicate example key `a.match`: also at examples/a.ts:5",
    ]);
    expect(secondProject.standAlone.map((problem) => problem.name)).toEqual(["unit"]);
    const [match, error] = secondProject.examples.map((example) => example.expectations[0]!);
    expect(match?.kind === "match" && match.pattern.test("AAA")).toBe(true);
    expect(error?.kind === "error" && error.pattern?.test("boom 7")).toBe(true);
    // a tree is still there for the stages that render or run the code
    expect(secondProject.parsed.get("examples/b.ts")?.statements.length).toBeGreaterThan(0);
  });

  it("parses again a file whose text or module kind changed, and only that file", async () => {
    const file = path.join(tempRoot(), "examples.json");
    const cache = openParseCache("/project", { file });
    parseExamples({ config, sources }, cache);
    await cache.save();
    const changed = [sources[0]!, { ...sources[1]!, text: `${sources[1]!.text}// edited\n` }, { ...sources[2]!, commonjs: true as const }];
    const again = counting(openParseCache("/project", { file }));
    const project = parseExamples({ config, sources: changed }, again);
    expect(again.counts).toEqual({ reused: 1, parsed: 2 });
    expect(plain(project)).toEqual(plain(parseExamples({ config, sources: changed })));
  });

  it("writes nothing when nothing changed, and drops the files a run no longer has", async () => {
    const file = path.join(tempRoot(), "examples.json");
    const cache = openParseCache("/project", { file });
    parseExamples({ config, sources }, cache);
    await cache.save();
    const written = statSync(file).mtimeMs;
    const same = openParseCache("/project", { file });
    parseExamples({ config, sources }, same);
    await same.save();
    expect(statSync(file).mtimeMs).toBe(written);

    const fewer = openParseCache("/project", { file });
    parseExamples({ config, sources: sources.slice(0, 1) }, fewer);
    await fewer.save();
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { files: object }).files)).toEqual(["examples/a.ts"]);
  });

  it("starts afresh from a file another build wrote, or one it cannot read", async () => {
    const file = path.join(tempRoot(), "examples.json");
    const cache = openParseCache("/project", { file });
    parseExamples({ config, sources }, cache);
    await cache.save();
    const stored = JSON.parse(readFileSync(file, "utf8")) as { build: string };
    writeFileSync(file, JSON.stringify({ ...stored, build: "another build" }));
    expect(openParseCache("/project", { file }).knows(sources[0]!)).toBe(false);
    writeFileSync(file, "{ not json");
    expect(openParseCache("/project", { file }).knows(sources[0]!)).toBe(false);
  });

  it("keeps what a module's imports name, by its text", async () => {
    const file = path.join(tempRoot(), "examples.json");
    const cache = openParseCache("/project", { file });
    const text = 'import { a } from "./a.ts";\nexport * from "pkg";\nconst b = await import("./b.js");\n';
    expect(cache.specifiers("/project/m.ts", text)).toEqual(["./a.ts", "pkg", "./b.js"]);
    await cache.save();
    const stored = JSON.parse(readFileSync(file, "utf8")) as { specifiers: Record<string, string[]> };
    expect(Object.values(stored.specifiers)).toEqual([["./a.ts", "pkg", "./b.js"]]);
    expect(openParseCache("/project", { file }).specifiers("/project/other.ts", text)).toEqual(["./a.ts", "pkg", "./b.js"]);
  });
});
