import { createHash } from "node:crypto";
import { planPublish, planUnpublish, type LocalFile, type RemoteObject } from "@exemplar/tooling";

/**
 * A publish compares content, not dates: a rebuilt file with the same bytes is left alone. New
 * assets go first, then pages, and what the build no longer has is deleted last.
 * @example publishing.plan
 * @expect
 * upload    pr-12/assets/app.B2x9Qa1k.js (new, public, max-age=31536000, immutable)
 * upload    pr-12/index.html (changed, no-cache)
 * unchanged pr-12/guide/index.html
 * delete    pr-12/assets/app.A1b2C3d4.js
 */
export function planSmallSite() {
  // hashes as the publisher computes them: the MD5 that S3 reports as a single-part ETag
  const md5 = (text: string) => createHash("md5").update(text).digest("hex");
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const built = (path: string, text: string): LocalFile => ({ path, absolutePath: `/dist/${path}`, size: text.length, md5: md5(text), sha256: sha256(text) });
  const stored = (key: string, text: string): RemoteObject => ({ key, size: text.length, etag: md5(text) });

  // what this build wrote, and what the bucket holds from the previous push
  const local = [built("index.html", "home, edited"), built("guide/index.html", "guide"), built("assets/app.B2x9Qa1k.js", "app v2")];
  const remote = [stored("pr-12/index.html", "home"), stored("pr-12/guide/index.html", "guide"), stored("pr-12/assets/app.A1b2C3d4.js", "app v1")];

  const plan = planPublish(local, remote, "pr-12/");
  for (const upload of plan.uploads) console.log(`upload    ${upload.key} (${upload.reason}, ${upload.cacheControl})`);
  for (const file of plan.unchanged) console.log(`unchanged ${file.key}`);
  for (const object of plan.deletes) console.log(`delete    ${object.key}`);
}

/**
 * Closing a pull request deletes its preview and nothing else: not `pr-120/`, not the site at
 * the root. Publishing the root keeps the previews beside it with `keep: ["pr-*"]`.
 * @example publishing.unpublish
 * @expect
 * close pr-12: pr-12/assets/app.js, pr-12/index.html
 * publish the root: delete old.html, keep pr-12/ and pr-120/
 */
export function closePreview() {
  const md5 = (text: string) => createHash("md5").update(text).digest("hex");
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const listed = ["index.html", "old.html", "pr-12/index.html", "pr-12/assets/app.js", "pr-120/index.html"].map((key) => ({ key, size: 1, etag: md5(key) }));
  const closed = planUnpublish(listed, "pr-12/");
  console.log(`close pr-12: ${closed.deletes.map((object) => object.key).join(", ")}`);

  const root = planPublish([{ path: "index.html", absolutePath: "/dist/index.html", size: 1, md5: md5("index.html"), sha256: sha256("index.html") }], listed, "", { keep: ["pr-*"] });
  console.log(`publish the root: delete ${root.deletes.map((object) => object.key).join(", ")}, keep pr-12/ and pr-120/`);
}
