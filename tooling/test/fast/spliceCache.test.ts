import { expect, test, vi } from "vitest";
import { findExamples } from "../../src/find/findExamples.ts";
import { parseExampleSource } from "../../src/find/parseExampleSource.ts";
import { renderExampleCode } from "../../src/splice/renderExampleCode.ts";
import type { SpliceContext } from "../../src/splice/SpliceContext.ts";
import { spliceCache } from "../../src/fast/spliceCache.ts";
import { goldenContext, goldenExamples } from "../splice/fixtureContext.ts";

// counted, so that a test can tell when a file is parsed again
vi.mock("../../src/find/parseExampleSource.ts", async (original) => {
  const actual = await original<typeof import("../../src/find/parseExampleSource.ts")>();
  return { parseExampleSource: vi.fn(actual.parseExampleSource) };
});

test("each example's code is rendered once per form, and equals a fresh render", () => {
  const context = goldenContext();
  const { examples, text } = goldenExamples();
  const example = examples.find((candidate) => candidate.key === "registry.save-and-find")!;
  const cache = spliceCache(context);
  const body = cache.code(example, text, false);
  expect(cache.code(example, text, false)).toBe(body);
  expect(body).toEqual(renderExampleCode(example, text));
  const full = cache.code(example, text, true);
  expect(full).not.toBe(body);
  expect(full).toEqual(renderExampleCode(example, text, { full: true }));
  expect(cache.code(example, text, true)).toBe(full);
});

test("the cache belongs to its context: another context renders anew", () => {
  const { examples, text } = goldenExamples();
  const example = examples[0]!;
  const first = spliceCache(goldenContext());
  const second = spliceCache(goldenContext());
  expect(second).not.toBe(first);
  expect(second.code(example, text, false)).not.toBe(first.code(example, text, false));
});

test("a changed text or example is rendered anew, never served stale", () => {
  const doc = "/**\n * @example k\n * @expectContains x\n */\n";
  const before = `${doc}export function f() {\n  console.log(1);\n}\n`;
  const after = `${doc}export function f() {\n  console.log(2);\n  console.log(3);\n}\n`;
  const [old] = findExamples([{ file: "examples/a.ts", text: before }]).examples;
  const [edited] = findExamples([{ file: "examples/a.ts", text: after }]).examples;
  const context: SpliceContext = { examples: [old!], sources: new Map([["examples/a.ts", before]]) };
  const cache = spliceCache(context);
  expect(cache.code(old!, before, false).code).toBe("console.log(1);");
  expect(cache.code(edited!, after, false).code).toBe("console.log(2);\nconsole.log(3);");
  expect(cache.code(old!, before, false).code).toBe("console.log(1);");
});

test("examples by key: the first of duplicates, as `find` would, and undefined for unknown keys", () => {
  const { examples } = goldenExamples();
  const twin = { ...examples[1]!, key: examples[0]!.key };
  const context: SpliceContext = { examples: [...examples, twin], sources: new Map() };
  const cache = spliceCache(context);
  expect(cache.example(examples[0]!.key)).toBe(examples[0]);
  expect(cache.example("greet.arrow")).toBe(examples.find((example) => example.key === "greet.arrow"));
  expect(cache.example("no.such.key")).toBeUndefined();
});

test("renderExampleCode given the file already parsed renders the same as from the text", () => {
  const { examples, text, file } = goldenExamples();
  const sourceFile = parseExampleSource(file, text);
  for (const example of examples) {
    for (const full of [false, true]) {
      expect(renderExampleCode(example, text, { full, sourceFile })).toEqual(renderExampleCode(example, text, { full }));
    }
  }
});

test("the trees findExamples made are used while their text is the file's, and parsed again after", () => {
  const { examples, text, file } = goldenExamples();
  const found = findExamples([{ file, text }]);
  const example = examples.find((candidate) => candidate.key === "registry.save-and-find")!;
  const parses = () => vi.mocked(parseExampleSource).mock.calls.length;

  const before = parses();
  const fresh = spliceCache({ examples, sources: new Map([[file, text]]), parsed: found.sourceFiles });
  expect(fresh.code(example, text, false)).toEqual(renderExampleCode(example, text));
  expect(parses() - before).toBe(1); // the fresh render's own parse, not the cache's

  const edited = text.replace("registry.save-and-find", "registry.save-and-find ");
  const stale = spliceCache({ examples, sources: new Map([[file, edited]]), parsed: found.sourceFiles });
  const afterFirst = parses();
  stale.code(example, edited, false);
  expect(parses() - afterFirst).toBe(1);
});
