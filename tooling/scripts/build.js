// Bundles the CLI and the worker into dist/ so that `exemplar` starts without compiling its own
// TypeScript on every run (about 0.3 s saved per run). The library API stays TypeScript source.
// Run by `npm ci` (root `prepare`), and by bin/exemplar.js whenever src/ is newer than dist/.
import { build } from "esbuild";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const tooling = path.resolve(here, "..");
export const stampFile = path.join(tooling, "dist", ".stamp");

/** The newest modification time among the sources, in milliseconds. */
export function newestSource() {
  let newest = 0;
  for (const entry of readdirSync(path.join(tooling, "src"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist/cli.js and dist/worker.js; dependencies stay external. */
export async function buildTooling() {
  const newest = newestSource();
  await build({
    entryPoints: { cli: path.join(tooling, "src/cli/main.ts"), worker: path.join(tooling, "src/run/worker.ts") },
    outdir: path.join(tooling, "dist"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
  writeFileSync(stampFile, String(newest));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildTooling();
}
