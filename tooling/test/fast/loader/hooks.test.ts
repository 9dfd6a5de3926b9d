import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { typescriptLoader } from "../../../src/fast/bundlePaths.ts";

const project = fileURLToPath(new URL("./fixtures/project/", import.meta.url));
const run = (file: string) =>
  spawnSync(process.execPath, ["--import", typescriptLoader, file], { cwd: project, encoding: "utf8" });

describe("the TypeScript loader", () => {
  const main = run("main.ts");

  it("imports TypeScript the ways TypeScript resolves it: .js naming .ts, no extension, a folder", () => {
    expect(main.stdout).toBe("a from a.ts b(2) dir/index.ts typed\n");
  });

  it("maps stack traces to the .ts lines", () => {
    expect(main.status).toBe(1);
    expect(main.stderr).toContain(`${project}main.ts:10`);
    expect(main.stderr).toContain("Error: thrown at line 10");
  });

  it("reports a module that does not exist under the name it was imported by", () => {
    const missing = run("missing.ts");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/ERR_MODULE_NOT_FOUND[\s\S]*nowhere\.js|Cannot find module '[^']*nowhere\.js'/);
  });
});

describe("the TypeScript loader's cache of compiled files", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "exemplar-loader-cache-"));
  const cache = path.join(folder, "cache");
  const file = path.join(folder, "print.ts");
  const run = () =>
    spawnSync(process.execPath, ["--import", typescriptLoader, file], { cwd: folder, encoding: "utf8", env: { ...process.env, EXEMPLAR_CACHE_DIR: cache } });
  const entries = () => readdirSync(path.join(cache, "transform")).sort();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("keeps each compiled file, and serves it from there instead of compiling it again", () => {
    writeFileSync(file, "const word: string = 'compiled';\nconsole.log(word);\n");
    expect(run().stdout).toBe("compiled\n");
    expect(entries()).toEqual([".pruned", expect.stringMatching(/^[0-9a-f]{64}\.js$/)]);
    const entry = path.join(cache, "transform", entries()[1]!);
    expect(readFileSync(entry, "utf8")).toContain('const word = "compiled";');
    // a changed entry shows that the second run read the cache rather than esbuild's output
    writeFileSync(entry, 'console.log("served from the cache");\n');
    expect(run().stdout).toBe("served from the cache\n");
  });

  it("compiles a file again once its text changes", () => {
    writeFileSync(file, "const word: string = 'edited';\nconsole.log(word);\n");
    expect(run().stdout).toBe("edited\n");
    expect(entries().filter((name) => name.endsWith(".js"))).toHaveLength(2);
  });

  it("drops files written more than two weeks ago, at most once a day, when it compiles", () => {
    const folder = path.join(cache, "transform");
    const [older, newer] = entries().filter((name) => name.endsWith(".js")).sort();
    const month = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    utimesSync(path.join(folder, older!), month, month);
    // pruned less than a day ago: kept
    writeFileSync(file, "console.log('third');\n");
    expect(run().stdout).toBe("third\n");
    expect(entries()).toContain(older);
    // a day later, the next compile prunes
    utimesSync(path.join(folder, ".pruned"), month, month);
    writeFileSync(file, "console.log('fourth');\n");
    expect(run().stdout).toBe("fourth\n");
    expect(entries()).not.toContain(older);
    expect(entries()).toContain(newer);
    expect(entries().filter((name) => name.endsWith(".js"))).toHaveLength(3);
  });
});
