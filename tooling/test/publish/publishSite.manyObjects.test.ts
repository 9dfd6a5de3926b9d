import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { publishSite } from "../../src/publish/publishSite.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

// more than two listing pages (S3 returns at most 1,000 keys a page), so that listing, comparing
// and deleting all cross page boundaries
const FILES = 2_500;
const name = (i: number) => `pages/p${String(i).padStart(4, "0")}.txt`;

let s3: TestBucket;
let dir: string;
beforeAll(async () => {
  s3 = await startBucket();
  dir = await mkdtemp(join(tmpdir(), "exemplar-many-"));
  await mkdir(join(dir, "pages"));
  for (let i = 0; i < FILES; i++) await writeFile(join(dir, name(i)), `page ${i}\n`);
});
afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("publishSite with 2,500 objects under the prefix", () => {
  test("publishes them, re-publishes nothing, and deletes across listing pages", { timeout: 180_000 }, async () => {
    const publish = () => publishSite({ dir, bucket: s3.bucket, prefix: "many", client: s3.client, concurrency: 16 });
    const first = await publish();
    expect(first).toMatchObject({ ok: true, failures: [] });
    expect(first.uploaded).toHaveLength(FILES);

    s3.proxy.reset();
    const second = await publish();
    expect(second).toMatchObject({ ok: true, uploaded: [], deleted: [], heads: 0 });
    expect(second.unchanged).toHaveLength(FILES);
    // three listing pages, nothing else
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["GET", "GET", "GET"]);

    // keys from the first and the last listing page go: 1,200 deletes in two batches
    const gone = [...Array.from({ length: 600 }, (_, i) => i), ...Array.from({ length: 600 }, (_, i) => FILES - 1 - i)];
    for (const i of gone) await rm(join(dir, name(i)));
    s3.proxy.reset();
    const third = await publish();
    expect(third).toMatchObject({ ok: true, uploaded: [], failures: [] });
    expect(third.deleted).toEqual(gone.map((i) => `many/${name(i)}`).sort());
    expect(s3.proxy.count("POST")).toBe(2);
    const left = [...(await s3.keys())];
    expect(left).toHaveLength(FILES - gone.length);
    expect(left[0]).toBe(`many/${name(600)}`);
    expect(left.at(-1)).toBe(`many/${name(FILES - 601)}`);
  });
});
