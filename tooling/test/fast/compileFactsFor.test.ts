import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFactsFor } from "../../src/fast/compileFactsFor.ts";

describe("compileFactsFor: what the nearest tsconfig.json tells esbuild", () => {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-facts-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const folder = (name: string, tsconfig?: string) => {
    const dir = path.join(root, name, "examples");
    mkdirSync(dir, { recursive: true });
    if (tsconfig !== undefined) writeFileSync(path.join(root, name, "tsconfig.json"), tsconfig);
    return dir;
  };

  it("defines class fields for a target of ES2022 and later, read from JSON with comments", () => {
    expect(compileFactsFor(folder("es2022", '{ // comment\n "compilerOptions": { "target": "ES2022", } }'))).toEqual({ definesClassFields: true });
    expect(compileFactsFor(folder("esnext", '{ "compilerOptions": { "target": "esnext" } }'))).toEqual({ definesClassFields: true });
    expect(compileFactsFor(folder("es2020", '{ "compilerOptions": { "target": "ES2020" } }'))).toEqual({ definesClassFields: false });
  });

  it("lets useDefineForClassFields decide over the target", () => {
    expect(compileFactsFor(folder("off", '{ "compilerOptions": { "target": "ES2023", "useDefineForClassFields": false } }'))).toEqual({ definesClassFields: false });
    expect(compileFactsFor(folder("on", '{ "compilerOptions": { "target": "ES5", "useDefineForClassFields": true } }'))).toEqual({ definesClassFields: true });
  });

  it("does not count on defined fields when nothing says so (esbuild's versions differ)", () => {
    expect(compileFactsFor(folder("silent", "{}"))).toEqual({ definesClassFields: false });
  });

  it("reads each folder once per cache", () => {
    const cache = new Map();
    const dir = folder("cached", '{ "compilerOptions": { "target": "ES2022" } }');
    expect(compileFactsFor(dir, cache)).toEqual({ definesClassFields: true });
    writeFileSync(path.join(root, "cached", "tsconfig.json"), '{ "compilerOptions": { "target": "ES2020" } }');
    expect(compileFactsFor(dir, cache)).toEqual({ definesClassFields: true });
    expect(compileFactsFor(dir)).toEqual({ definesClassFields: false });
  });
});
