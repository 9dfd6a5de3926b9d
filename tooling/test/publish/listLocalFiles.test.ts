import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { listLocalFiles } from "../../src/publish/listLocalFiles.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "exemplar-local-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest("hex");

describe("listLocalFiles", () => {
  test("lists every file, sorted, with / paths, sizes and both hashes", async () => {
    await mkdir(join(dir, "site/assets/chunks"), { recursive: true });
    await writeFile(join(dir, "site/index.html"), "<h1>hi</h1>");
    await writeFile(join(dir, "site/assets/chunks/a.js"), "export {}");
    await writeFile(join(dir, "site/empty.css"), "");
    await symlink(join(dir, "site/index.html"), join(dir, "site/link.html"));
    const files = await listLocalFiles("site", { cwd: dir });
    expect(files.map(({ path, size, md5, sha256 }) => ({ path, size, md5, sha256 }))).toEqual([
      { path: "assets/chunks/a.js", size: 9, md5: hex("md5", "export {}"), sha256: hex("sha256", "export {}") },
      { path: "empty.css", size: 0, md5: "d41d8cd98f00b204e9800998ecf8427e", sha256: hex("sha256", "") },
      { path: "index.html", size: 11, md5: hex("md5", "<h1>hi</h1>"), sha256: hex("sha256", "<h1>hi</h1>") },
      { path: "link.html", size: 11, md5: hex("md5", "<h1>hi</h1>"), sha256: hex("sha256", "<h1>hi</h1>") },
    ]);
    expect(files[0]!.absolutePath).toBe(join(dir, "site/assets/chunks/a.js"));
  });

  test.each([
    // a missing folder is refused by assertSiteDir, named as given
    { make: async () => {}, message: /^site folder "site" does not exist; expected the built site/ },
    // an empty build would delete everything under the prefix
    { make: () => mkdir(join(dir, "site/assets"), { recursive: true }), message: /^site folder "site" holds no files; refusing to publish an empty site/ },
  ])("refuses $message", async ({ make, message }) => {
    await make();
    await expect(listLocalFiles("site", { cwd: dir })).rejects.toThrow(expect.objectContaining({ code: "EXEMPLAR_PUBLISH_DIR", message: expect.stringMatching(message) }));
  });
});
