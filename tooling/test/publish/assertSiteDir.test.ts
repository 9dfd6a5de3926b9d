import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { assertSiteDir } from "../../src/publish/assertSiteDir.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exemplar-site-dir-"));
  await mkdir(join(dir, "dist"));
  await writeFile(join(dir, "file"), "x");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("assertSiteDir", () => {
  test("accepts a folder", async () => {
    await expect(assertSiteDir(join(dir, "dist"), "dist")).resolves.toBeUndefined();
  });

  test.each([
    // nothing there: the message names the folder as the user gave it
    { name: "missing", message: 'site folder "missing" does not exist; expected the built site (e.g. docs/.vitepress/dist)' },
    // a file where the folder should be
    { name: "file", message: 'site folder "file" is not a folder; expected the built site (e.g. docs/.vitepress/dist)' },
  ])("refuses $name", async ({ name, message }) => {
    await expect(assertSiteDir(join(dir, name), name)).rejects.toThrow(expect.objectContaining({ code: "EXEMPLAR_PUBLISH_DIR", message }));
  });
});
