import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openResultCache } from "../../src/cache/openResultCache.ts";
import { loadConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import type { Verdict } from "../../src/records/Verdict.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const example = (key: string, tags = "") => `/**\n * @example ${key}${tags}\n * @expect\n * ${key}\n */\nexport function ${key.split(".")[1]}() { console.log(deep + "${key}".slice(4)); }\n`;

/**
 * a project: an example file importing a helper that imports another, a workspace package
 * linked into node_modules, a lock file, a config and a setup module importing a file
 */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-cache-"));
  roots.push(root);
  const files: Record<string, string> = {
    "package.json": '{ "type": "module" }',
    "package-lock.json": '{ "lockfileVersion": 3 }',
    "exemplar.config.ts": 'export default { examples: ["examples/*.ts"], setup: "setup/setup.ts" };\n',
    "setup/setup.ts": 'import { port } from "./port.ts";\nexport default () => ({ env: { PORT: String(port) } });\n',
    "setup/port.ts": "export const port = 1;\n",
    "examples/a.ts": `import { deep } from "./helper.ts";\nimport { lib } from "local-lib";\nvoid lib;\n${example("a.one")}${example("a.two")}`,
    "examples/helper.ts": 'export { deep } from "./deep.ts";\n',
    "examples/deep.ts": 'export const deep = "";\n',
    "examples/b.ts": `const deep = "";\n${example("b.one")}`,
    "examples/c.ts": `const deep = "";\n${example("c.one", "\n * @noCache")}`,
    "packages/local-lib/package.json": '{ "name": "local-lib", "type": "module", "exports": "./index.js" }',
    "packages/local-lib/index.js": "export const lib = 1;\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, "node_modules"));
  symlinkSync(path.join(root, "packages/local-lib"), path.join(root, "node_modules/local-lib"));
  const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
  /** the cache as the project is now, and the keys it answers once every example passed */
  const cacheNow = async (options: { nodeVersion?: string } = {}) => {
    const config = await loadConfig(root);
    const opened = await openProject(config, { pages: false });
    return { cache: openResultCache(config, opened, options), examples: opened.examples };
  };
  return { root, write, cacheNow };
}

const passed = (examples: Verdict["example"][]): Verdict[] => examples.map((example) => ({
  example, status: "passed", failures: [], warnings: [],
  result: { key: example.key, status: "returned", stdout: `${example.key}\n`, stderr: "", durationMs: 3, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] },
}));
const answered = async (fixture: ReturnType<typeof project>, options: { nodeVersion?: string } = {}) => {
  const { cache, examples } = await fixture.cacheNow(options);
  return [...cache.lookup(examples).keys()].sort();
};

describe("openResultCache", () => {
  it("answers the examples that passed, with their output, but a @noCache one", async () => {
    const fixture = project();
    const { cache, examples } = await fixture.cacheNow();
    expect(cache.lookup(examples).size).toBe(0);
    await cache.store(passed(examples));
    const again = await fixture.cacheNow();
    const found = again.cache.lookup(again.examples);
    expect([...found.keys()].sort()).toEqual(["a.one", "a.two", "b.one"]);
    expect(found.get("a.one")).toMatchObject({ status: "passed", cached: true, result: { stdout: "a.one\n" }, example: { key: "a.one", file: "examples/a.ts" } });
  });

  it("forgets an example that failed", async () => {
    const fixture = project();
    const { cache, examples } = await fixture.cacheNow();
    await cache.store(passed(examples));
    const [first, ...rest] = passed(examples);
    await cache.store([{ ...first!, status: "failed", failures: [{ kind: "stdout", message: "differs" }] }, ...rest]);
    expect(await answered(fixture)).toEqual(["a.two", "b.one"]);
  });

  // each input kind: changing it makes the examples that depend on it run again
  it.each([
    ["the example's own file", "examples/a.ts", ["b.one"]],
    ["a local file it imports through another", "examples/deep.ts", ["b.one"]],
    ["a workspace package it imports by name", "packages/local-lib/index.js", ["b.one"]],
    ["the lock file", "package-lock.json", []],
    ["the config file", "exemplar.config.ts", []],
    ["the setup module", "setup/setup.ts", []],
    ["a file the setup module imports", "setup/port.ts", []],
  ])("runs again what depends on %s when it changes", async (_, file, kept) => {
    const fixture = project();
    const { cache, examples } = await fixture.cacheNow();
    await cache.store(passed(examples));
    const { readFileSync } = await import("node:fs");
    fixture.write(file, `${readFileSync(path.join(fixture.root, file), "utf8")}\n// changed\n`);
    expect(await answered(fixture)).toEqual(kept);
  });

  it("runs everything again under another version of Node", async () => {
    const fixture = project();
    const { cache, examples } = await fixture.cacheNow({ nodeVersion: "v20.0.0" });
    await cache.store(passed(examples));
    expect(await answered(fixture, { nodeVersion: "v20.0.0" })).toEqual(["a.one", "a.two", "b.one"]);
    expect(await answered(fixture, { nodeVersion: "v22.0.0" })).toEqual([]);
  });
});
