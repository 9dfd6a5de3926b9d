import { fileURLToPath } from "node:url";

// Speed: the CLI runs from a bundle in dist/ (see scripts/build.js), the library from its
// TypeScript source; the files a process starts with are found from either place here. Why: a
// bundle starts without compiling the tool's own TypeScript and loading a hundred small modules.
// Proven by `npm run bench:engine:phases` (CLI start, bundled); figures in BENCHMARKS.md.

const bundled = !import.meta.url.endsWith(".ts");

/** The worker process's entry: `src/run/worker.ts`, or `dist/worker.js` beside the bundle. */
export const workerFile = fileURLToPath(new URL(bundled ? "./worker.js" : "../run/worker.ts", import.meta.url));

/** The thread that parses large Markdown pages with a time budget (see remarkFencesBounded). */
export const remarkThreadFile = fileURLToPath(new URL(bundled ? "./remarkThread.js" : "../splice/remarkThread.ts", import.meta.url));

/**
 * The `--import` module that lets a Node process import TypeScript (see loader/hooks.mjs); the
 * build copies it beside the bundle, into dist/loader/.
 */
export const typescriptLoader = new URL("./loader/register.mjs", import.meta.url).href;
