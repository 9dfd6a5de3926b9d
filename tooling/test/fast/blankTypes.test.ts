import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { blankSourceFile } from "ts-blank-space";
import { afterAll, describe, expect, it } from "vitest";
import { blankTypes } from "../../src/fast/blankTypes.ts";
import { parseExampleSource } from "../../src/find/parseExampleSource.ts";

const fixtures = new URL("./fixtures/blank/", import.meta.url);
const defines = { definesClassFields: true };
const blank = (text: string, facts = defines, file = "/project/example.ts") => blankTypes(parseExampleSource(file, text), blankSourceFile, facts);

describe("blankTypes: the JavaScript a worker runs instead of esbuild's", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "exemplar-blank-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (name: string, code: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, code);
    return ((await import(pathToFileURL(file).href)) as { main: () => unknown }).main();
  };

  for (const name of readdirSync(fixtures).filter((entry) => entry.endsWith(".ts"))) {
    it(`${name}: returns what esbuild's output returns, with every line and column kept`, async () => {
      const text = readFileSync(new URL(name, fixtures), "utf8");
      const code = blank(text);
      expect(code).toBeDefined();
      expect(code!.split("\n").map((line) => line.length)).toEqual(text.split("\n").map((line) => line.length));
      const compiled = await transform(text, { loader: "ts", format: "esm", target: "node20", tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } } });
      expect(await run(`${name}.blank.mjs`, code!)).toEqual(await run(`${name}.esbuild.mjs`, compiled.code));
    });
  }
});

describe("blankTypes leaves to esbuild what blanking would not run the same", () => {
  const cases: Array<[string, string]> = [
    ["an enum", "enum Color { Red }\nexport const c = Color.Red;"],
    ["a namespace with values", "namespace N { export const a = 1; }\nexport const b = N.a;"],
    ["a parameter property", "export class A { constructor(private x: number) {} }"],
    ["`import =`", 'import fs = require("node:fs");\nexport const f = fs;'],
    ["a legacy `<T>x` assertion", "export const a = <number>(1 as unknown);"],
    ["a decorator, which Node 20 cannot run", "const d = (v: unknown) => v;\n@d class A {}\nexport { A };"],
    ["a `using` declaration", "export function f() { using r = { [Symbol.dispose]() {} }; return r; }"],
    ["an `await using` declaration", "export async function f() { await using r = { async [Symbol.asyncDispose]() {} }; return r; }"],
    ["an `accessor` field", "export class A { accessor x = 1; }"],
    ["an import used only as a type (esbuild drops it)", 'import { Stats } from "node:fs";\nexport const s: Stats | undefined = undefined;'],
    ["an import of types only, named inline (esbuild drops the whole import)", 'import { type Stats } from "node:fs";\nexport const s: Stats | undefined = undefined;'],
    ["an imported name declared again in the file", 'import { join } from "node:path";\nexport function f(join: string) { return join; }'],
    ["an import used only as a property name", 'import { join } from "node:path";\nexport const o = { join: 1 }.join;'],
  ];
  for (const [what, text] of cases) {
    it(`${what}`, () => expect(blank(text)).toBeUndefined());
  }

  it("class fields, unless the tsconfig says they are defined (esbuild would assign them in the constructor)", () => {
    const text = "export class A { x = 1; }";
    expect(blank(text, { definesClassFields: false })).toBeUndefined();
    expect(blank(text, { definesClassFields: true })).toBe("export class A { x = 1; }");
  });

  it("a CommonJS `.cts` file", () => {
    expect(blank("export const a: number = 1;", defines, "/project/example.cts")).toBeUndefined();
    expect(blank("export const a: number = 1;", defines, "/project/example.mts")).toBe("export const a         = 1;");
  });
});

describe("blankTypes keeps imports esbuild keeps", () => {
  it("a value import used as a value, `import type`, and `{ type X }` beside a used name", () => {
    const text = 'import type { Stats } from "node:fs";\nimport { join, type ParsedPath } from "node:path";\nexport const p: ParsedPath | Stats | string = join("a", "b");';
    const code = blank(text);
    expect(code?.split("\n")).toEqual([
      " ".repeat(37),
      'import { join,                 } from "node:path";',
      'export const p                              = join("a", "b");',
    ]);
  });

  it("a name used in `typeof` inside a type and as a value", () => {
    expect(blank('import { join } from "node:path";\nexport const f: typeof join = join;')).toBeDefined();
  });
});
