import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createS3Client } from "../../src/publish/createS3Client.ts";
import { publishSite } from "../../src/publish/publishSite.ts";
import { copySite } from "./helpers/copySite.ts";
import { S3RVER_ENV, startBucket, type TestBucket } from "./helpers/startBucket.ts";

// a server that takes a request and never answers: each attempt gives up after 300 ms without
// progress, so a hang costs about a second here, not forever
let s3: TestBucket;
let client: S3Client;
let work: string;
beforeAll(async () => {
  s3 = await startBucket();
  client = createS3Client({ endpoint: s3.proxy.endpoint, pathStyle: true, env: S3RVER_ENV, maxAttempts: 2, timeouts: { idle: 300 } });
  work = await mkdtemp(join(tmpdir(), "exemplar-hang-"));
});
afterAll(async () => {
  client?.destroy();
  await s3?.close();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  s3.proxy.reset();
  s3.proxy.hangWhen = () => false;
});

async function site(prefix: string): Promise<string> {
  const dir = join(work, prefix);
  await copySite(dir, `/${prefix}/`);
  return dir;
}

const STYLE = "assets/style.CjxkfIYg.css";

describe("publishSite against a server that never answers", () => {
  test("an upload never answered fails after its last attempt, naming the file; nothing else changes", { timeout: 30_000 }, async () => {
    const dir = await site("pr-1");
    await s3.put("pr-1/stale.html", "old page");
    s3.proxy.hangWhen = ({ method, key }) => method === "PUT" && key === `pr-1/${STYLE}`;
    const summary = await publishSite({ dir, bucket: s3.bucket, prefix: "pr-1", client });
    expect(summary.ok).toBe(false);
    expect(summary.failures).toEqual([
      {
        action: "upload",
        key: `pr-1/${STYLE}`,
        path: STYLE,
        message: expect.stringMatching(/^TimeoutError: no answer: nothing received for 0\.3 s, 2 attempts; the endpoint took the request but did not answer: check that it is up and publish again, or allow more time \(--timeout, --attempts\)$/),
      },
    ]);
    expect(summary.skipped).toContain("pr-1/index.html");
    expect(summary.deleted).toEqual([]);
    expect(s3.proxy.seen.filter(({ method, key }) => method === "PUT" && key === `pr-1/${STYLE}`).map(({ attempt }) => attempt)).toEqual([1, 2]);
    expect((await s3.keys()).filter((key) => key.startsWith("pr-1/"))).toContain("pr-1/stale.html");
  });

  test("an upload answered on its second attempt publishes", { timeout: 30_000 }, async () => {
    const dir = await site("pr-2");
    s3.proxy.hangWhen = ({ method, key, attempt }) => method === "PUT" && key === `pr-2/${STYLE}` && attempt === 1;
    const summary = await publishSite({ dir, bucket: s3.bucket, prefix: "pr-2", client });
    expect(summary).toMatchObject({ ok: true, failures: [] });
    expect(summary.uploaded).toContain(`pr-2/${STYLE}`);
    expect(s3.proxy.seen.filter(({ method, key }) => method === "PUT" && key === `pr-2/${STYLE}`)).toHaveLength(2);
  });

  test("a listing never answered is refused before anything is uploaded", { timeout: 30_000 }, async () => {
    const dir = await site("pr-3");
    s3.proxy.hangWhen = ({ method }) => method === "GET";
    await expect(publishSite({ dir, bucket: s3.bucket, prefix: "pr-3", client, where: "http://s3.test" })).rejects.toThrow(
      expect.objectContaining({
        code: "EXEMPLAR_PUBLISH_TIMEOUT",
        message: expect.stringMatching(/^S3 request for bucket "site" at http:\/\/s3\.test timed out: no answer: nothing received for 0\.3 s, 2 attempts; /),
      }),
    );
    expect(s3.proxy.count("PUT")).toBe(0);
  });
});
