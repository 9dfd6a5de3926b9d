import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { publishSite } from "../../src/publish/publishSite.ts";
import { copySite } from "./helpers/copySite.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

let s3: TestBucket;
let work: string;
beforeAll(async () => {
  s3 = await startBucket();
  work = await mkdtemp(join(tmpdir(), "exemplar-symlinks-"));
});
afterAll(async () => {
  await s3?.close();
  await rm(work, { recursive: true, force: true });
});

describe("publishSite and symlinks", () => {
  test.each([{ dryRun: false }, { dryRun: true }])("a link to a file outside the site is refused before the bucket is contacted (%j)", async ({ dryRun }) => {
    const dir = join(work, `site-${dryRun}`);
    await copySite(dir, "/pr-1/");
    await writeFile(join(work, "secret"), "AWS_SECRET_ACCESS_KEY=do-not-publish");
    await symlink(join(work, "secret"), join(dir, "leak.txt"));
    s3.proxy.reset();
    await expect(publishSite({ dir, bucket: s3.bucket, prefix: "pr-1", client: s3.client, dryRun })).rejects.toThrow(
      expect.objectContaining({ code: "EXEMPLAR_PUBLISH_SYMLINK", message: expect.stringMatching(/: leak\.txt is a symlink to .*\/secret, outside the site folder; /) }),
    );
    expect(s3.proxy.seen).toEqual([]);
    expect(await s3.keys()).toEqual([]);
  });

  test("a link inside the site is published with the content it points to", async () => {
    const dir = join(work, "site-inside");
    await copySite(dir, "/pr-2/");
    await symlink("logo.svg", join(dir, "logo-copy.svg"));
    const summary = await publishSite({ dir, bucket: s3.bucket, prefix: "pr-2", client: s3.client });
    expect(summary.ok).toBe(true);
    const contents = await s3.contents();
    expect(contents.get("pr-2/logo-copy.svg")).toBe(contents.get("pr-2/logo.svg"));
  });
});
