// Bundles the CLI and the worker into dist/ so that `exemplar` starts without compiling its own
// TypeScript on every run (`npm run bench:engine:phases`: CLI start, bundled). The library API
// stays TypeScript source.
// Run by `npm ci` (root `prepare`), and by bin/exemplar.js whenever src/ is newer than dist/.
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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
  // loaded here rather than at the top: bin/exemplar.js imports this file on every run, and
  // esbuild's API takes a while to load
  const { build } = await import("esbuild");
  const newest = newestSource();
  // chunk names carry hashes: start clean so that old chunks do not pile up
  rmSync(path.join(tooling, "dist"), { recursive: true, force: true });
  await build({
    entryPoints: {
      cli: path.join(tooling, "src/cli/main.ts"),
      worker: path.join(tooling, "src/run/worker.ts"),
      typescript: path.join(tooling, "src/fast/typescript.ts"),
    },
    outdir: path.join(tooling, "dist"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // the small dependencies (remark, micromark, diff, tinyglobby...) are bundled: Node loads the
    // splice command's hundred little ES modules one file at a time otherwise. The compiler
    // (loaded with a code cache, see src/fast/typescript.ts), esbuild (a native binary) and the AWS SDK
    // (only for publish) stay packages of their own.
    external: ["typescript", "esbuild", "@aws-sdk/*"],
    // bundled CommonJS dependencies (picomatch, extend) call require()
    banner: { js: 'import { createRequire as __exemplarRequire } from "node:module"; const require = __exemplarRequire(import.meta.url);' },
    // each command's code is its own chunk, loaded when the command runs
    splitting: true,
    sourcemap: "linked",
    plugins: [sharedCompiler],
    logLevel: "warning",
  });
  writeFileSync(stampFile, String(newest));
  // load the TypeScript compiler once now, so that the first check starts with a code cache of
  // the compiler and its parser (see loadTypeScript in src/fast/typescript.ts)
  const { loadTypeScript } = await import(`${pathToFileURL(path.join(tooling, "dist", "typescript.js")).href}?${newest}`);
  loadTypeScript();
}

/**
 * ts-blank-space imports the compiler itself: it gets the CLI's, loaded with its code cache
 * (src/fast/typescriptDefault.ts), rather than a second copy.
 * @type {import("esbuild").Plugin}
 */
const sharedCompiler = {
  name: "shared-compiler",
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, ({ importer }) =>
      importer.includes(`${path.sep}ts-blank-space${path.sep}`) ? { path: path.join(tooling, "src/fast/typescriptDefault.ts") } : undefined);
  },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildTooling();
}
