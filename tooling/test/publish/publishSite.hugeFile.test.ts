import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createS3Client } from "../../src/publish/createS3Client.ts";
import { publishSite } from "../../src/publish/publishSite.ts";
import { S3RVER_ENV } from "./helpers/startBucket.ts";
import { startSinkS3, type SinkS3 } from "./helpers/startSinkS3.ts";

// exactly 2 GiB: one byte more than Node's readFile takes. Sparse, so it costs no disk, but
// hashing and sending it still reads 2 GiB twice: tens of seconds on a busy machine
const SIZE = 2 ** 31;
const MiB = 1 << 20;

let sink: SinkS3;
let dir: string;
beforeAll(async () => {
  sink = await startSinkS3();
  dir = await mkdtemp(join(tmpdir(), "exemplar-huge-"));
  await writeFile(join(dir, "index.html"), "<h1>downloads</h1>");
  const file = await open(join(dir, "disk.img"), "w");
  await file.truncate(SIZE);
  await file.close();
});
afterAll(async () => {
  await sink?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("publishSite with a 2 GiB file", () => {
  test("streams it in 8 MiB parts, memory bounded", { timeout: 600_000 }, async () => {
    const client = createS3Client({ endpoint: sink.endpoint, pathStyle: true, env: S3RVER_ENV });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const summary = await publishSite({ dir, bucket: "site", prefix: "dl", client });
      expect(summary.failures).toEqual([]);
      expect(summary).toMatchObject({ ok: true, uploaded: ["dl/disk.img", "dl/index.html"], bytes: { uploaded: SIZE + 18 } });
    } finally {
      clearInterval(sampler);
      client.destroy();
    }
    expect(sink.bytes.get("dl/disk.img")).toBe(SIZE);
    expect(sink.requests.filter(({ method, key }) => method === "PUT" && key === "dl/disk.img")).toHaveLength(SIZE / (8 * MiB));
    // four parts in flight and their copies; reading it whole would take 2 GiB
    expect((peak - before) / MiB).toBeLessThan(256);
  });
});
