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

  test("follows symlinks that stay inside the site, to files and folders, reading what they point to", async () => {
    await mkdir(join(dir, "site/shared"), { recursive: true });
    await writeFile(join(dir, "site/shared/a.js"), "export {}");
    await symlink("shared", join(dir, "site/linked"));
    await symlink("../site/shared/a.js", join(dir, "site/b.js"));
    const files = await listLocalFiles("site", { cwd: dir });
    expect(files.map(({ path, absolutePath }) => ({ path, absolutePath }))).toEqual([
      { path: "b.js", absolutePath: join(dir, "site/shared/a.js") },
      { path: "linked/a.js", absolutePath: join(dir, "site/shared/a.js") },
      { path: "shared/a.js", absolutePath: join(dir, "site/shared/a.js") },
    ]);
  });

  test.each([
    // ln -s ~/secret site/leak.txt: the secret must not be uploaded
    { link: "site/leak.txt", to: () => join(dir, "secret"), message: () => `site folder "site": leak.txt is a symlink to ${join(dir, "secret")}, outside the site folder; refusing to publish files from outside the site (nothing was uploaded): copy the file into the site, or remove the link` },
    // the same by a relative path, deeper down
    { link: "site/assets/leak.txt", to: () => "../../secret", message: () => `site folder "site": assets/leak.txt is a symlink to ${join(dir, "secret")}, outside the site folder;` },
    // a folder outside the site
    { link: "site/home", to: () => join(dir, "outside"), message: () => `site folder "site": home is a symlink to ${join(dir, "outside")}, outside the site folder;` },
    // a folder that contains itself
    { link: "site/assets/up", to: () => "..", message: () => `site folder "site": assets/up is a symlink loop (it leads back to ${join(dir, "site")}, a folder it is in); remove the link` },
    // two links pointing at each other
    { link: "site/ping", to: () => "pong", message: () => `site folder "site": ping is a symlink loop (too many levels of links); remove the link` },
  ])("refuses $link -> a place outside, or a loop", async ({ link, to, message }) => {
    await mkdir(join(dir, "site/assets"), { recursive: true });
    await mkdir(join(dir, "outside"), { recursive: true });
    await writeFile(join(dir, "secret"), "AWS_SECRET_ACCESS_KEY=...");
    await writeFile(join(dir, "outside/id_rsa"), "private");
    await writeFile(join(dir, "site/index.html"), "<h1>hi</h1>");
    if (link === "site/ping") await symlink("ping", join(dir, "site/pong"));
    await symlink(to(), join(dir, link));
    await expect(listLocalFiles("site", { cwd: dir })).rejects.toThrow(expect.objectContaining({ code: "EXEMPLAR_PUBLISH_SYMLINK", message: expect.stringContaining(message()) }));
  });

  test("skips a link that points nowhere, as before", async () => {
    await mkdir(join(dir, "site"), { recursive: true });
    await writeFile(join(dir, "site/index.html"), "<h1>hi</h1>");
    await symlink("missing.html", join(dir, "site/dangling.html"));
    expect((await listLocalFiles("site", { cwd: dir })).map(({ path }) => path)).toEqual(["index.html"]);
  });
});

test("sees a loop at its first turn when the site folder itself is reached through a symlink", async () => {
  await mkdir(join(dir, "real/a/b"), { recursive: true });
  await writeFile(join(dir, "real/index.html"), "<h1>hi</h1>");
  await symlink("real", join(dir, "site"));
  await symlink("..", join(dir, "real/a/b/up"));
  await expect(listLocalFiles("site", { cwd: dir })).rejects.toThrow(`site folder "site": a/b/up is a symlink loop (it leads back to ${join(dir, "real/a")}, a folder it is in); remove the link`);
});
