import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { typescriptLoader } from "../../../src/fast/bundlePaths.ts";

// plain JavaScript without declarations: imported by URL, typed here
const hooks = new URL("../../../src/fast/loader/commonjsGlobals.mjs", import.meta.url).href;
const loadHooks = () => import(hooks) as Promise<{ wantedGlobals: (source: string) => string[] }>;
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const run = (project: string, file: string) =>
  spawnSync(process.execPath, ["--import", typescriptLoader, file], { cwd: `${fixtures}${project}`, encoding: "utf8" });

describe("TypeScript files of a package without \"type\": \"module\"", () => {
  const main = run("commonjs", "main.ts");

  it("run as ES modules with CommonJS's require, __filename and __dirname", () => {
    expect(main.stdout).toBe("hello, commonjs main.ts commonjs function\n");
  });

  it("keep their lines: a stack points at the line that threw", () => {
    expect(main.status).toBe(1);
    expect(main.stderr).toContain(`${fixtures}commonjs/main.ts:6`);
    expect(main.stderr).toContain("Error: thrown at line 6");
  });

  it("keep a require they declare themselves", () => {
    expect(run("commonjs", "ownRequire.ts")).toMatchObject({ status: 0, stdout: "hello, own require\n" });
  });

  it("except .mts files, which are ES modules wherever they are", () => {
    expect(run("commonjs", "module.mts")).toMatchObject({ status: 0, stdout: "undefined\n" });
  });
});

it("gives no CommonJS globals to the files of a package with \"type\": \"module\"", () => {
  expect(run("project", "noCommonJs.ts")).toMatchObject({ status: 0, stdout: "undefined undefined\n" });
});

describe("the CommonJS globals a file is given", () => {
  it.each([
    // used: given
    { source: 'const fs = require("node:fs");', wanted: ["require"] },
    { source: "console.log(__filename, __dirname);", wanted: ["__filename", "__dirname"] },
    // not used, or only as a property or a longer name: none
    { source: 'console.log("hello");', wanted: [] },
    { source: "module.require; const requireAll = 1; my__dirname;", wanted: [] },
    // declared by the file, the ES module way: left to it
    { source: "const require = createRequire(import.meta.url); require('x');", wanted: [] },
    { source: "const __dirname = path.dirname(fileURLToPath(import.meta.url)); __dirname;", wanted: [] },
    { source: "let __filename; __filename;", wanted: [] },
    { source: "function require(id) {} require('x');", wanted: [] },
    { source: 'import require from "./require.js"; require("x");', wanted: [] },
    { source: 'import { load as require } from "./load.js"; require("x");', wanted: [] },
    { source: "const { require, other } = helpers; require('x');", wanted: [] },
    // a parameter of that name declares nothing at the top: given
    { source: "export function f(require) { return require; }", wanted: ["require"] },
  ])("$source", async ({ source, wanted }) => {
    expect((await loadHooks()).wantedGlobals(source)).toEqual(wanted);
  });
});
