import { describe, expect, test } from "vitest";
import type { LocalFile } from "../../src/publish/LocalFile.ts";
import { planPublish } from "../../src/publish/planPublish.ts";
import type { RemoteObject } from "../../src/publish/RemoteObject.ts";

// a file whose hashes are derived from a tag, so that "same content" is "same tag"
const file = (path: string, tag: string, size = 10): LocalFile => ({ path, absolutePath: `/site/${path}`, size, md5: md5Of(tag), sha256: tag.padEnd(64, "0") });
const object = (key: string, tag: string, size = 10): RemoteObject => ({ key, size, etag: md5Of(tag) });
const md5Of = (tag: string) => Buffer.from(tag).toString("hex").padEnd(32, "0").slice(0, 32);

type Row = { name: string; local: LocalFile[]; remote: RemoteObject[]; prefix: string; uploads: string[]; unchanged: string[]; deletes: string[] };

describe("planPublish", () => {
  test.each<Row>([
    {
      // an empty bucket: everything is new, assets before pages
      name: "first publish",
      local: [file("index.html", "i"), file("assets/app.DQ4RyKo-.js", "a"), file("guide/index.html", "g"), file("logo.svg", "l")],
      remote: [],
      prefix: "pr-1/",
      uploads: ["pr-1/assets/app.DQ4RyKo-.js", "pr-1/logo.svg", "pr-1/index.html", "pr-1/guide/index.html"],
      unchanged: [],
      deletes: [],
    },
    {
      // the same build again: nothing to do
      name: "unchanged",
      local: [file("index.html", "i"), file("assets/app.DQ4RyKo-.js", "a")],
      remote: [object("pr-1/index.html", "i"), object("pr-1/assets/app.DQ4RyKo-.js", "a")],
      prefix: "pr-1/",
      uploads: [],
      unchanged: ["pr-1/index.html", "pr-1/assets/app.DQ4RyKo-.js"],
      deletes: [],
    },
    {
      // one page edited, an asset renamed by its new hash: upload those two, delete the old asset
      name: "one page and one asset changed",
      local: [file("index.html", "i2"), file("guide/index.html", "g"), file("assets/app.NEWhash1.js", "a2")],
      remote: [object("pr-1/index.html", "i"), object("pr-1/guide/index.html", "g"), object("pr-1/assets/app.DQ4RyKo-.js", "a")],
      prefix: "pr-1/",
      uploads: ["pr-1/assets/app.NEWhash1.js", "pr-1/index.html"],
      unchanged: ["pr-1/guide/index.html"],
      deletes: ["pr-1/assets/app.DQ4RyKo-.js"],
    },
    {
      // keys outside the prefix are neither matched nor deleted, even if a listing returned them
      name: "outside the prefix",
      local: [file("index.html", "i")],
      remote: [object("pr-1/index.html", "i"), object("pr-10/index.html", "x"), object("index.html", "i"), object("pr-1", "x"), object("pr-1/old.html", "o")],
      prefix: "pr-1/",
      uploads: [],
      unchanged: ["pr-1/index.html"],
      deletes: ["pr-1/old.html"],
    },
    {
      // the bucket root (--root): every key is under the prefix ""
      name: "root",
      local: [file("index.html", "i")],
      remote: [object("index.html", "i"), object("pr-1/index.html", "x")],
      prefix: "",
      uploads: [],
      unchanged: ["index.html"],
      deletes: ["pr-1/index.html"],
    },
  ])("$name", ({ local, remote, prefix, uploads, unchanged, deletes }) => {
    const plan = planPublish(local, remote, prefix);
    expect(plan.prefix).toBe(prefix);
    expect(plan.uploads.map((upload) => upload.key)).toEqual(uploads);
    expect(plan.unchanged.map((item) => item.key)).toEqual(unchanged);
    expect(plan.deletes.map((item) => item.key)).toEqual(deletes);
  });

  test("each upload carries its headers, phase and reason", () => {
    const plan = planPublish([file("index.html", "i2"), file("assets/style.CjxkfIYg.css", "s")], [object("pr-1/index.html", "i")], "pr-1/");
    expect(plan.uploads).toEqual([
      {
        key: "pr-1/assets/style.CjxkfIYg.css",
        path: "assets/style.CjxkfIYg.css",
        absolutePath: "/site/assets/style.CjxkfIYg.css",
        size: 10,
        md5: md5Of("s"),
        sha256: "s".padEnd(64, "0"),
        contentType: "text/css; charset=utf-8",
        cacheControl: "public, max-age=31536000, immutable",
        phase: "asset",
        reason: "new",
      },
      {
        key: "pr-1/index.html",
        path: "index.html",
        absolutePath: "/site/index.html",
        size: 10,
        md5: md5Of("i2"),
        sha256: "i2".padEnd(64, "0"),
        contentType: "text/html; charset=utf-8",
        cacheControl: "no-cache",
        phase: "page",
        reason: "changed",
      },
    ]);
  });

  test("an object the listing cannot judge is uploaded unless HeadObject gave its sha256", () => {
    const multipart = { key: "pr-1/video.mp4", size: 10, etag: "0123456789abcdef0123456789abcdef-3" };
    expect(planPublish([file("video.mp4", "v")], [multipart], "pr-1/").uploads.map((upload) => upload.key)).toEqual(["pr-1/video.mp4"]);
    const headed = { ...multipart, sha256: "v".padEnd(64, "0") };
    expect(planPublish([file("video.mp4", "v")], [headed], "pr-1/").unchanged.map((item) => item.key)).toEqual(["pr-1/video.mp4"]);
  });

  test("objects in kept folders are never deleted: the previews beside a root site", () => {
    const remote = [object("index.html", "i"), object("old.html", "o"), object("pr-1/index.html", "x"), object("pr-2/assets/a.js", "y"), object("pr-3.html", "z")];
    const plan = planPublish([file("index.html", "i")], remote, "", { keep: ["pr-*"] });
    expect(plan.deletes.map((item) => item.key)).toEqual(["old.html", "pr-3.html"]);
  });
});
