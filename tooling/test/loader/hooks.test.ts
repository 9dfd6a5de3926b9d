import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { typescriptLoader } from "../../src/loader/typescriptLoader.ts";

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
