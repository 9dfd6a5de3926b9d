// Benchmark of `exemplar publish` against s3rver on loopback: a 1,000-file site published three
// times (first, unchanged rebuild, one page edited) by the incremental publisher and by a naive
// upload-everything loop; then one large file (512 MiB, sparse) sent to a discarding loopback S3
// stand-in, by the publisher (multipart, streamed) and by one PutObject of the file read whole,
// with each one's peak RSS growth. Run: node --import tsx tooling/bench/publish.bench.ts
// Writes .bench/publish.json (gitignored).
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { contentTypeFor } from "../src/publish/contentTypeFor.ts";
import { createS3Client } from "../src/publish/createS3Client.ts";
import { listLocalFiles } from "../src/publish/listLocalFiles.ts";
import { publishSite } from "../src/publish/publishSite.ts";
import { startProxy } from "../test/publish/helpers/startProxy.ts";
import { startS3rver } from "../test/publish/helpers/startS3rver.ts";
import { startSinkS3 } from "../test/publish/helpers/startSinkS3.ts";

const PAGES = 300;
const ASSETS = 600;
const PUBLIC = 100;
const CONCURRENCY = 8;
const REPEATS = 3;
const TARGETS = { unchangedPuts: 0, unchangedSeconds: 1, onePagePuts: 3 };

interface Row {
  scenario: string;
  publisher: "exemplar" | "naive";
  puts: number;
  heads: number;
  requests: number;
  seconds: number;
  samples?: number[];
}

const hash8 = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 8);

/** A VitePress-shaped site for base /bench/: pages, content-hashed assets and public files. */
async function buildSite(dir: string, edit?: { page: number; text: string }, scale = 1): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const [pages, assets, publicFiles] = [PAGES, ASSETS, PUBLIC].map((count) => Math.ceil(count / scale)) as [number, number, number];
  const assetNames: string[] = [];
  for (let i = 0; i < assets; i++) {
    const ext = i % 5 === 0 ? "css" : "js";
    const body = `/* asset ${i} */\n${"export const x = 'lorem ipsum dolor sit amet';\n".repeat(20 + (i % 80))}`;
    const name = `assets/${ext === "css" ? "style" : `chunk${i}`}.${hash8(body)}.${ext}`;
    assetNames.push(name);
    await put(dir, name, body);
  }
  const siteData = JSON.stringify(JSON.stringify({ lang: "en-US", base: "/bench/" }));
  for (let i = 0; i < pages; i++) {
    const path = i === 0 ? "index.html" : `guide/section-${i % 10}/page-${i}.html`;
    const text = i === edit?.page ? edit.text : "text";
    const body = [
      '<!DOCTYPE html><html><head><meta name="generator" content="VitePress v1.6.4">',
      `<script type="module" src="/bench/${assetNames[1]}"></script>`,
      `<link rel="modulepreload" href="/bench/${assetNames[(i * 7) % assets]}"></head>`,
      `<body><div id="app"><h1>Page ${i}</h1>${`<p>Page ${i} ${text}.</p>`.repeat(40)}</div>`,
      `<script>window.__VP_SITE_DATA__=JSON.parse(${siteData});</script></body></html>`,
    ].join("\n");
    await put(dir, path, body);
  }
  for (let i = 0; i < publicFiles; i++) await put(dir, `images/figure-${i}.svg`, `<svg xmlns="http://www.w3.org/2000/svg"><text>${i}</text>${"<rect/>".repeat(i)}</svg>`);
}

async function put(dir: string, path: string, body: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), body);
}

/** The baseline: PUT every file, every time, as a sync by size and time does after a fresh build. */
async function naivePublish(client: S3Client, bucket: string, dir: string, prefix: string): Promise<void> {
  const limit = pLimit(CONCURRENCY);
  const files = await listLocalFiles(dir);
  await limit.map(files, async (file) => {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + file.path, Body: await readFile(file.absolutePath), ContentType: contentTypeFor(file.path) }));
  });
}

const LARGE = 512 << 20;

interface LargeRow {
  publisher: "exemplar" | "naive";
  seconds: number;
  /** peak RSS above the RSS at the start, MiB */
  rssMiB: number;
}

/** One sparse 512 MiB file, to a stand-in that discards it: the publisher, then one whole-file PUT. */
async function largeFile(work: string): Promise<LargeRow[]> {
  const dir = join(work, "large");
  await mkdir(dir, { recursive: true });
  const file = await open(join(dir, "disk.img"), "w");
  await file.truncate(LARGE);
  await file.close();
  const sink = await startSinkS3();
  const client = createS3Client({ endpoint: sink.endpoint, pathStyle: true, env: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } });
  const samples: LargeRow[] = [];
  try {
    // alternating, REPEATS rounds: the machine's noise falls on both alike
    for (let round = 0; round < REPEATS; round++) {
      for (const publisher of ["exemplar", "naive"] as const) {
        const before = process.memoryUsage().rss;
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
        const started = performance.now();
        if (publisher === "exemplar") {
          const summary = await publishSite({ dir, bucket: "large", prefix: "large", client });
          if (!summary.ok) throw new Error(`publish failed: ${JSON.stringify(summary.failures)}`);
        } else {
          await client.send(new PutObjectCommand({ Bucket: "large", Key: "naive/disk.img", Body: await readFile(join(dir, "disk.img")) }));
        }
        const seconds = (performance.now() - started) / 1000;
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage().rss);
        samples.push({ publisher, seconds: Number(seconds.toFixed(3)), rssMiB: Math.round((peak - before) / 2 ** 20) });
      }
    }
  } finally {
    client.destroy();
    await sink.close();
  }
  // the median seconds and the highest RSS growth of each
  return (["exemplar", "naive"] as const).map((publisher) => {
    const mine = samples.filter((sample) => sample.publisher === publisher);
    const seconds = mine.map((sample) => sample.seconds).sort((a, b) => a - b)[Math.floor(mine.length / 2)]!;
    return { publisher, seconds, rssMiB: Math.max(...mine.map((sample) => sample.rssMiB)) };
  });
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "exemplar-bench-publish-"));
  const server = await startS3rver(["bench", "warmup"]);
  const proxy = await startProxy(server.port);
  const client = createS3Client({ endpoint: proxy.endpoint, pathStyle: true, env: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } });
  const dir = join(work, "dist");
  const rows: Row[] = [];
  const large: LargeRow[] = [];
  try {
    // warm up both code paths (module loading, JIT, s3rver) on a tenth of the site in another bucket
    await buildSite(dir, undefined, 10);
    await publishSite({ dir, bucket: "warmup", prefix: "bench", client, concurrency: CONCURRENCY });
    await naivePublish(client, "warmup", dir, "naive/");
    // repeatable scenarios run REPEATS times and report the median seconds and the most PUTs
    const scenarios: { name: string; repeats: number; edit: (repeat: number) => { page: number; text: string } | undefined }[] = [
      { name: "first publish", repeats: 1, edit: () => undefined },
      { name: "unchanged rebuild", repeats: REPEATS, edit: () => undefined },
      { name: "one page edited", repeats: REPEATS, edit: (repeat) => ({ page: 42, text: `edited text ${repeat}` }) },
    ];
    for (const scenario of scenarios) {
      for (const publisher of ["exemplar", "naive"] as const) {
        const samples: Row[] = [];
        for (let repeat = 0; repeat < scenario.repeats; repeat++) {
          // a fresh build each time: same bytes, new mtimes
          await buildSite(dir, scenario.edit(repeat));
          proxy.reset();
          const started = performance.now();
          if (publisher === "exemplar") {
            const summary = await publishSite({ dir, bucket: "bench", prefix: "bench", client, concurrency: CONCURRENCY });
            if (!summary.ok) throw new Error(`publish failed: ${JSON.stringify(summary.failures)}`);
          } else {
            await naivePublish(client, "bench", dir, "naive/");
          }
          const seconds = (performance.now() - started) / 1000;
          samples.push({ scenario: scenario.name, publisher, puts: proxy.count("PUT"), heads: proxy.count("HEAD"), requests: proxy.seen.length, seconds: Number(seconds.toFixed(3)) });
        }
        const median = [...samples].sort((a, b) => a.seconds - b.seconds)[Math.floor(samples.length / 2)]!;
        rows.push({ ...median, puts: Math.max(...samples.map((sample) => sample.puts)), samples: samples.map((sample) => sample.seconds) });
      }
    }
    large.push(...(await largeFile(work)));
  } finally {
    client.destroy();
    await proxy.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }

  const files = PAGES + ASSETS + PUBLIC;
  const find = (scenario: string) => rows.find((row) => row.scenario === scenario && row.publisher === "exemplar")!;
  const checks = {
    unchangedPuts: find("unchanged rebuild").puts <= TARGETS.unchangedPuts,
    unchangedSeconds: find("unchanged rebuild").seconds <= TARGETS.unchangedSeconds,
    onePagePuts: find("one page edited").puts <= TARGETS.onePagePuts,
  };
  const header = `${"scenario".padEnd(20)}${"publisher".padEnd(11)}${"PUTs".padStart(6)}${"HEADs".padStart(7)}${"requests".padStart(10)}${"seconds".padStart(9)}`;
  const lines = rows.map(
    (row) =>
      `${row.scenario.padEnd(20)}${row.publisher.padEnd(11)}${String(row.puts).padStart(6)}${String(row.heads).padStart(7)}${String(row.requests).padStart(10)}${row.seconds.toFixed(3).padStart(9)}` +
      (row.samples && row.samples.length > 1 ? `  (median of ${row.samples.join(", ")})` : ""),
  );
  process.stdout.write(`publish benchmark: ${files} files (${PAGES} pages, ${ASSETS} hashed assets, ${PUBLIC} public files), s3rver on loopback, concurrency ${CONCURRENCY}\n\n${header}\n${lines.join("\n")}\n\n`);
  process.stdout.write(
    `one ${LARGE >> 20} MiB file to a discarding stand-in (median of ${REPEATS}, highest RSS growth):\n${large.map((row) => `  ${row.publisher.padEnd(9)}${row.seconds.toFixed(3).padStart(9)} s  peak RSS +${row.rssMiB} MiB`).join("\n")}\n\n`,
  );
  process.stdout.write(
    `targets: unchanged rebuild 0 PUTs ${checks.unchangedPuts ? "ok" : "MISSED"}, <= 1 s ${checks.unchangedSeconds ? "ok" : "MISSED"}; one page edited <= 3 PUTs ${checks.onePagePuts ? "ok" : "MISSED"}\n`,
  );

  const out = fileURLToPath(new URL("../../.bench/publish.json", import.meta.url));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ files, pages: PAGES, assets: ASSETS, public: PUBLIC, concurrency: CONCURRENCY, repeats: REPEATS, node: process.version, rows, large, targets: TARGETS, checks }, null, 2)}\n`);
  process.stdout.write(`wrote ${out}\n`);
  if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
}

await main();
