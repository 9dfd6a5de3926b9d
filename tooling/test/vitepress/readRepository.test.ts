import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { readRepository } from "../../src/vitepress/readRepository.ts";
import { commitAll, git } from "./gitFixture.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "exemplar-repository-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "docs site"));
  writeFileSync(path.join(dir, "docs site/a.md"), "# A\n");
  return dir;
};

it("reads the project's folder in the repository and the web address of its origin", async () => {
  const dir = folder();
  commitAll(dir, "git@github.com:org/repo.git");
  expect(await readRepository(path.join(dir, "docs site"))).toEqual({ prefix: "docs site/", webUrl: "https://github.com/org/repo" });
});

it("uses the only remote when none is called origin, and gives no address without a remote", async () => {
  const dir = folder();
  commitAll(dir);
  expect(await readRepository(dir)).toEqual({ prefix: "" });
  git(dir, "remote", "add", "upstream", "https://gitlab.com/group/repo.git");
  expect(await readRepository(dir)).toEqual({ prefix: "", webUrl: "https://gitlab.com/group/repo" });
});

it("reads nothing outside a git repository", async () => {
  expect(await readRepository(folder())).toBeUndefined();
});
