import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTypeScript } from "../src/typescript.ts";

describe("loadTypeScript's code cache", () => {
  const cache = mkdtempSync(path.join(tmpdir(), "exemplar-ts-cache-"));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it("is written while the compiler loads, not when the process exits", () => {
    const ts = loadTypeScript(cache);
    expect(ts.createSourceFile("a.ts", "export const a = 1;", ts.ScriptTarget.ES2023).statements).toHaveLength(1);
    // at exit V8 may have flushed the bytecode of the compiler's top level; a cache made then
    // starts slower than none
    const files = readdirSync(cache);
    expect(files).toEqual([expect.stringMatching(new RegExp(`^typescript-${ts.version.replace(/\./g, "\\.")}-${process.version.replace(/\./g, "\\.")}-${process.arch}\\.v8cache$`))]);
    // with the compiler's top level and the parser it is about 2.5 MB; one written after V8 flushed
    // the top level, about 1.5 MB
    expect(statSync(path.join(cache, files[0]!)).size).toBeGreaterThan(2_000_000);
  });

  it("is used, not rewritten, by the next load", () => {
    const file = path.join(cache, readdirSync(cache)[0]!);
    const written = statSync(file).mtimeMs;
    const ts = loadTypeScript(cache);
    expect(ts.createSourceFile("b.ts", "export const b = 2;", ts.ScriptTarget.ES2023).statements).toHaveLength(1);
    expect(statSync(file).mtimeMs).toBe(written);
  });
});
