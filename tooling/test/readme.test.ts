import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// the package's README documents its public API: every name each entry point exports, values
// and types, and nothing else, so that the README changes when the API does

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The names in the first column of the table under `### \`heading\``. */
function documented(heading: string): string[] {
  const start = readme.indexOf(`### \`${heading}\`\n`);
  expect(start, `README.md has no section "### \`${heading}\`"`).toBeGreaterThan(-1);
  const section = readme.slice(start).split("\n").slice(1);
  const end = section.findIndex((line) => line.startsWith("#"));
  const rows = section.slice(0, end === -1 ? undefined : end).filter((line) => line.startsWith("| `"));
  return rows.flatMap((row) => [...row.split("|")[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!)).sort();
}

/** Every name a module exports, values and types, read from its syntax. */
function exported(file: string): string[] {
  const text = readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((element) => element.name.text));
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      const name = (statement as ts.DeclarationStatement).name;
      if (name && ts.isIdentifier(name)) names.push(name.text);
    }
  }
  return names.sort();
}

describe("the package README", () => {
  it.each([
    ["@exemplar/tooling", "index.ts"],
    ["@exemplar/tooling/config", "config/defineConfig.ts"],
    ["@exemplar/tooling/vitepress", "vitepress/index.ts"],
  ])("documents exactly what %s exports", (entry, file) => {
    expect(documented(entry)).toEqual(exported(file));
  });

  it("names the entry points the package exports, and no other", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { exports: Record<string, unknown> };
    const entries = Object.keys(manifest.exports).filter((entry) => entry !== "./package.json").map((entry) => `@exemplar/tooling${entry.slice(1)}`);
    expect(entries).toEqual([...readme.matchAll(/^### `(@exemplar\/tooling[^`]*)`$/gm)].map((match) => match[1]));
  });
});
