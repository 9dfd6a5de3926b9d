// Builds the package's JavaScript into dist/: the CLI, its worker, and the library's entry
// points (`@exemplar/tooling`, `/config`, `/vitepress`), bundled by esbuild, beside the module
// hooks the workers start with (dist/loader/). The CLI starts without compiling its own
// TypeScript on every run (`npm run bench:engine:phases`: CLI start, bundled), and a project that
// installs the package runs JavaScript only.
// Run by `npm ci` (root `prepare`), by `npm pack` (`prepack`, with --package: also the .d.ts
// files, see buildTypes.js), and by bin/exemplar.js in this repository whenever src/ is newer
// than dist/.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/** Whether the output whose stamp is `file` was built from older sources than src/ holds now. */
export function isStale(file) {
  const stamp = existsSync(file) ? Number(readFileSync(file, "utf8")) : -1;
  return stamp < newestSource();
}

/** Builds dist/ (the .d.ts files in dist/types are left alone); dependencies stay external. */
export async function buildTooling() {
  // loaded here rather than at the top: bin/exemplar.js imports this file on every run, and
  // esbuild's API takes a while to load
  const { build } = await import("esbuild");
  const newest = newestSource();
  const dist = path.join(tooling, "dist");
  // chunk names carry hashes: start clean so that old chunks do not pile up
  for (const name of existsSync(dist) ? readdirSync(dist) : []) {
    if (name !== "types") rmSync(path.join(dist, name), { recursive: true, force: true });
  }
  await build({
    entryPoints: {
      cli: path.join(tooling, "src/cli/main.ts"),
      worker: path.join(tooling, "src/run/worker.ts"),
      remarkThread: path.join(tooling, "src/splice/remarkThread.ts"),
      typescript: path.join(tooling, "src/fast/typescript.ts"),
      index: path.join(tooling, "src/index.ts"),
      config: path.join(tooling, "src/config/defineConfig.ts"),
      vitepress: path.join(tooling, "src/vitepress/index.ts"),
    },
    outdir: dist,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // the small dependencies (remark, micromark, diff, tinyglobby...) are bundled: Node loads the
    // splice command's hundred little ES modules one file at a time otherwise, and a project that
    // installs the package does not install them. The compiler (loaded with a code cache, see
    // src/fast/typescript.ts), esbuild (a native binary) and the AWS SDK (an optional peer, only
    // for publish, see src/publish/loadS3.ts) stay packages of their own.
    external: ["typescript", "esbuild", "@aws-sdk/*"],
    // bundled CommonJS dependencies (picomatch, extend) call require()
    banner: { js: 'import { createRequire as __exemplarRequire } from "node:module"; const require = __exemplarRequire(import.meta.url);' },
    // each command's code is its own chunk, loaded when the command runs
    splitting: true,
    sourcemap: "linked",
    plugins: [sharedCompiler],
    logLevel: "warning",
  });
  // the workers start with `--import dist/loader/register.mjs` (see src/fast/bundlePaths.ts):
  // plain JavaScript already, copied as it is
  cpSync(path.join(tooling, "src/fast/loader"), path.join(dist, "loader"), { recursive: true });
  writeFileSync(stampFile, String(newest));
  // load the TypeScript compiler once now, so that the first check starts with a code cache of
  // the compiler and its parser (see loadTypeScript in src/fast/typescript.ts)
  const { loadTypeScript } = await import(`${pathToFileURL(path.join(dist, "typescript.js")).href}?${newest}`);
  loadTypeScript();
}

/**
 * ts-blank-space imports the compiler itself: it gets the CLI's, loaded with its code cache
 * (src/fast/typescriptDefault.ts), rather than a second copy. It applies to every entry point.
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
  if (!process.argv.includes("--package")) await buildTooling();
  else {
    // `npm pack`: what is stale only, so that packing does not swap dist/ under a running CLI
    if (isStale(stampFile)) await buildTooling();
    const { buildTypes, typesStamp } = await import("./buildTypes.js");
    if (isStale(typesStamp)) buildTypes(newestSource());
  }
}
