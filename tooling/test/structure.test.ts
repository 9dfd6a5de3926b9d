import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

// the shape of the house, kept: no import circle and no file over 250 lines in either
// workspace's sources (a circle means two stages call each other; a long file, two jobs)
const repo = fileURLToPath(new URL("../..", import.meta.url));
const trees = ["tooling/src", "platform/src"];

function sourceFiles(tree: string): string[] {
  return readdirSync(path.join(repo, tree), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|mts|mjs)$/.test(file))
    .map((file) => path.join(repo, tree, file));
}

/** each file's relative imports (static, `export ... from` and `import()`), as absolute paths */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

/** the strongly connected components of more than one file, or of a file importing itself (Tarjan) */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(path.relative(repo, member));
      } while (member !== node);
      if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

test.each(trees)("%s has no import circle", (tree) => {
  const files = sourceFiles(tree);
  expect(files.length).toBeGreaterThan(20);
  expect(circles(new Map(files.map((file) => [file, importsOf(file)])))).toEqual([]);
});

test.each(trees)("%s has no file over 250 lines", (tree) => {
  const long = sourceFiles(tree)
    .map((file) => ({ file: path.relative(repo, file), lines: readFileSync(file, "utf8").split("\n").length }))
    .filter(({ lines }) => lines > 250);
  expect(long).toEqual([]);
});

test("finds a circle when there is one", () => {
  const graph = new Map([["/a.ts", ["/b.ts"]], ["/b.ts", ["/c.ts", "/a.ts"]], ["/c.ts", []], ["/d.ts", ["/d.ts"]]]);
  expect(circles(graph).map((component) => component.map((file) => path.basename(file))).sort()).toEqual([["a.ts", "b.ts"], ["d.ts"]]);
});
