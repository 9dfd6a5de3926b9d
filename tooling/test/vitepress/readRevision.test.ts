import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRevision } from "../../src/vitepress/readRevision.ts";
import { commitAll, commitDate, git } from "./gitFixture.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function repository() {
  const dir = mkdtempSync(path.join(tmpdir(), "exemplar-revision-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "site"));
  writeFileSync(path.join(dir, "site/a.ts"), "export {};\n");
  writeFileSync(path.join(dir, ".gitignore"), "dist/\n");
  return { dir, commit: commitAll(dir) };
}

describe("readRevision", () => {
  it("reads the commit and the commit's own date, from a folder inside the repository", async () => {
    const { dir, commit } = repository();
    expect(await readRevision(path.join(dir, "site"))).toEqual({ commit, date: commitDate, localChanges: false });
  });

  it("says there are local changes when a tracked file changed, staged or not, or a file git does not ignore was added", async () => {
    const { dir } = repository();
    mkdirSync(path.join(dir, "dist"));
    writeFileSync(path.join(dir, "dist/index.html"), "built\n");
    expect((await readRevision(dir))?.localChanges).toBe(false);
    writeFileSync(path.join(dir, "site/b.ts"), "export {};\n");
    expect((await readRevision(dir))?.localChanges).toBe(true);
    rmSync(path.join(dir, "site/b.ts"));
    writeFileSync(path.join(dir, "site/a.ts"), "export const a = 1;\n");
    expect((await readRevision(dir))?.localChanges).toBe(true);
    git(dir, "add", "site/a.ts");
    expect((await readRevision(dir))?.localChanges).toBe(true);
  });

  it("reads nothing outside a git repository, or before its first commit", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "exemplar-no-git-"));
    dirs.push(dir);
    expect(await readRevision(dir)).toBeUndefined();
    git(dir, "init", "--quiet");
    expect(await readRevision(dir)).toBeUndefined();
  });
});
