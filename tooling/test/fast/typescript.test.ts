import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { typescriptLoader } from "../../src/fast/bundlePaths.ts";
import { loadTypeScript } from "../../src/fast/typescript.ts";

describe("loadTypeScript's code cache", () => {
  const cache = mkdtempSync(path.join(tmpdir(), "exemplar-ts-cache-"));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it("is written while the compiler loads, not when the process exits", () => {
    const ts = loadTypeScript(cache);
    expect(ts.createSourceFile("a.ts", "export const a = 1;", ts.ScriptTarget.ES2023).statements).toHaveLength(1);
    // at exit V8 may have flushed the bytecode of the compiler's top level; a cache made then
    // starts slower than none
    const files = readdirSync(cache);
    expect(files).toEqual([expect.stringMatching(new RegExp(`^typescript-${ts.version.replace(/\./g, "\\.")}-${process.version.replace(/\./g, "\\.")}-${process.arch}-[0-9a-f]{8}\\.v8cache$`))]);
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

describe("loadTypeScript's code cache across command lines", () => {
  const cache = mkdtempSync(path.join(tmpdir(), "exemplar-ts-flags-"));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const load = (...flags: string[]) => {
    const script = `import { loadTypeScript } from ${JSON.stringify(new URL("../../src/fast/typescript.ts", import.meta.url).href)}; loadTypeScript(${JSON.stringify(cache)});`;
    const child = spawnSync(process.execPath, [...flags, "--import", typescriptLoader, "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
  };
  const caches = () => readdirSync(cache).map((name) => [name, statSync(path.join(cache, name)).mtimeMs] as const);

  it("keeps one cache per set of flags, which V8 would reject under others, and reuses each", () => {
    load();
    load("--max-semi-space-size=16");
    const written = caches();
    expect(written).toHaveLength(2);
    load();
    load("--max-semi-space-size=16");
    expect(caches()).toEqual(written);
  });
});
