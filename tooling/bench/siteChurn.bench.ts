/**
 * `npm run bench:site-churn`: how many files of the real docs build change when one page is
 * edited, with VitePress's page hash map inlined into every HTML file (`metaChunk: false`, its
 * default) and moved into a chunk of its own (`metaChunk: true`), and how many change when the
 * same tree is built again with no edit (which should be none: an unchanged re-publish is 0
 * uploads). Fewer changed files means fewer uploads per preview. Writes `.bench/site-churn.json`.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const work = path.join(repo, ".bench", "site-churn");
const page = path.join(repo, "docs", "guide", "getting-started.md");
const vitepress = path.join(repo, "node_modules", "vitepress", "bin", "vitepress.js");

/** file -> content hash, and file -> size, of a build */
function hashes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    sizes.set(`${dir}:${path.relative(dir, file)}`, bytes.length);
    files.set(path.relative(dir, file), createHash("sha256").update(bytes).digest("hex"));
  }
  return files;
}
const sizes = new Map<string, number>();

function build(outDir: string, metaChunk: boolean) {
  execFileSync(process.execPath, [vitepress, "build", "docs", "--outDir", outDir], {
    cwd: repo,
    env: { ...process.env, DOCS_META_CHUNK: metaChunk ? "1" : "0" },
    stdio: "ignore",
  });
  return hashes(outDir);
}

/** what a publish of the build in `afterDir` uploads over the build before it */
function compare(before: Map<string, string>, after: Map<string, string>, afterDir: string) {
  const changed = [...after].filter(([file, hash]) => before.has(file) && before.get(file) !== hash).map(([file]) => file);
  const added = [...after.keys()].filter((file) => !before.has(file));
  const removed = [...before.keys()].filter((file) => !after.has(file));
  const uploaded = [...changed, ...added];
  const bytes = uploaded.reduce((total, file) => total + (sizes.get(`${afterDir}:${file}`) ?? 0), 0);
  const html = uploaded.filter((file) => file.endsWith(".html")).length;
  return { files: after.size, changed: changed.length, added: added.length, removed: removed.length, uploads: uploaded.length, html, bytes, examples: uploaded.slice(0, 8) };
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const original = readFileSync(page, "utf8");
const rows = [];
for (const metaChunk of [false, true]) {
  const before = build(path.join(work, `${metaChunk}-before`), metaChunk);
  const againDir = path.join(work, `${metaChunk}-again`);
  rows.push({ metaChunk, edit: "none", ...compare(before, build(againDir, metaChunk), againDir) });
  const afterDir = path.join(work, `${metaChunk}-after`);
  let after: Map<string, string>;
  try {
    writeFileSync(page, `${original}\nOne more sentence, to measure what a one-page edit changes.\n`);
    after = build(afterDir, metaChunk);
  } finally {
    writeFileSync(page, original);
  }
  rows.push({ metaChunk, edit: "one page", ...compare(before, after, afterDir) });
}

console.log("| metaChunk | edit | files in build | changed | added | removed | uploads | of which HTML | bytes uploaded |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) console.log(`| ${row.metaChunk} | ${row.edit} | ${row.files} | ${row.changed} | ${row.added} | ${row.removed} | ${row.uploads} | ${row.html} | ${row.bytes} |`);
for (const row of rows) console.log(`metaChunk ${row.metaChunk}, edit ${row.edit}: ${row.examples.join(", ")}${row.uploads > 8 ? ", ..." : ""}`);
writeFileSync(path.join(repo, ".bench", "site-churn.json"), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2) + "\n");
