// @ts-check
/**
 * Module hooks that let Node import TypeScript: `.ts`, `.mts` and `.cts` files are compiled with
 * esbuild (the compiler tsx uses too) as ES modules, with an inline source map so that stacks
 * point at the TypeScript lines. Resolution follows TypeScript's conventions where Node's own
 * fails: `./x.js` may name `./x.ts`, and `./x` may name `./x.ts` or `./x/index.ts`.
 *
 * Kept this small on purpose: registering tsx costs a worker process many times the CPU of
 * these hooks at each start. Plain JavaScript, since they are what makes Node read TypeScript.
 *
 * Compiled files are kept in a cache (node_modules/.cache/exemplar/transform, or
 * $EXEMPLAR_CACHE_DIR/transform), by a hash of the file's path and text, esbuild's version and
 * the options: a process that finds all its files there never loads esbuild, whose import and
 * first transform are a worker's largest start-up cost after Node's own.
 *
 * Speed: why it is not tsx, and why the cache, is measured by `npm run bench:engine` and
 * `npm run bench:engine:phases` (figures in BENCHMARKS.md).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const typescript = /\.[mc]?ts$/;

/** @type {Map<string, string | undefined>} the text of the nearest tsconfig.json, by folder */
const tsconfigs = new Map();

/** @param {string} folder @returns {string | undefined} */
function tsconfigFor(folder) {
  if (tsconfigs.has(folder)) return tsconfigs.get(folder);
  const file = path.join(folder, "tsconfig.json");
  const parent = path.dirname(folder);
  const text = existsSync(file) ? readFileSync(file, "utf8") : parent === folder ? undefined : tsconfigFor(parent);
  tsconfigs.set(folder, text);
  return text;
}

/** @type {import("node:module").ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    const local = specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:");
    if (!local || (code !== "ERR_MODULE_NOT_FOUND" && code !== "ERR_UNSUPPORTED_DIR_IMPORT")) throw error;
    const candidates = /\.[mc]?js$/.test(specifier)
      ? [specifier.replace(/js$/, "ts")]
      : [`${specifier}.ts`, `${specifier}/index.ts`];
    for (const candidate of candidates) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // the next candidate, or the original error
      }
    }
    throw error;
  }
}

/** @type {import("node:module").LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !typescript.test(new URL(url).pathname)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const given = provided.get(file);
  if (given !== undefined) {
    provided.delete(file);
    return { format: "module", source: given.typescript ? await compile(file, given.code) : given.code, shortCircuit: true };
  }
  const source = await readFile(file, "utf8");
  return { format: "module", source: await compile(file, source), shortCircuit: true };
}

/**
 * JavaScript the CLI made from the text it parsed (see tooling/src/fast/blankTypes.ts), by
 * absolute path, used once: the file is not read again, so what runs is what was parsed. With
 * `typescript`, the code is TypeScript, compiled here as the file would be (a file with `//=>`
 * checks that blanking cannot make: see tooling/src/run/inlineCheckedFiles.ts).
 * @type {Map<string, { code: string, typescript?: boolean }>}
 */
const provided = new Map();

/**
 * Files compiled ahead of their import (see `initialize`), by their cache file: taken out when
 * they are imported, so that the map holds no more than the files announced.
 * @type {Map<string, Promise<string>>}
 */
const precompiled = new Map();

/** @param {string} file @param {string} source @returns {{ options: import("esbuild").TransformOptions, cached: string }} */
function plan(file, source) {
  const tsconfigRaw = tsconfigFor(path.dirname(file));
  const options = {
    loader: /** @type {const} */ ("ts"),
    format: /** @type {const} */ ("esm"),
    target: `node${process.versions.node.split(".")[0]}`,
    sourcemap: /** @type {const} */ ("inline"),
    sourcefile: file,
    ...(tsconfigRaw === undefined ? {} : { tsconfigRaw }),
  };
  const cached = path.join(cacheDirectory, "transform", `${createHash("sha256").update(JSON.stringify([esbuildVersion, options, source])).digest("hex")}.js`);
  return { options, cached };
}

/** @param {string} file @param {string} source @returns {Promise<string>} */
function compile(file, source) {
  const { options, cached } = plan(file, source);
  const ahead = precompiled.get(cached);
  if (ahead) {
    precompiled.delete(cached);
    return ahead;
  }
  return transform(source, options, cached);
}

/** @param {string} source @param {import("esbuild").TransformOptions} options @param {string} cached @returns {Promise<string>} */
async function transform(source, options, cached) {
  const hit = await readFile(cached, "utf8").catch(() => undefined);
  if (hit !== undefined) return hit;
  esbuild ??= import("esbuild");
  const { code } = await (await esbuild).transform(source, options);
  await store(cached, code);
  await prune(path.dirname(cached));
  return code;
}

/**
 * `data.port` (see register.mjs) receives `{ files }`: absolute paths of TypeScript files the
 * process will import soon. They are compiled now, without running them, so that compiling
 * overlaps whatever the process waits for; a file that cannot be read or compiled is left for
 * its import to report. It also receives `{ compiled }`: files' code made ahead (see
 * `provided`), answered with `{ received }` once held.
 * @param {{ port?: import("node:worker_threads").MessagePort } | undefined} data
 */
export function initialize(data) {
  const port = data?.port;
  port?.on("message", (/** @type {{ files?: string[], compiled?: Array<{ file: string, code: string, typescript?: boolean }> }} */ message) => {
    for (const given of message.compiled ?? []) provided.set(given.file, given);
    if (message.compiled) port.postMessage({ received: message.compiled.length });
    for (const file of message.files ?? []) {
      if (provided.has(file)) continue;
      readFile(file, "utf8").then((source) => {
        const { options, cached } = plan(file, source);
        if (precompiled.has(cached)) return;
        const code = transform(source, options, cached);
        code.catch(() => precompiled.delete(cached));
        precompiled.set(cached, code);
      }, () => {});
    }
  });
  port?.unref();
}

/** @type {Promise<typeof import("esbuild")> | undefined} loaded on the first file not in the cache */
let esbuild;

const require = createRequire(import.meta.url);
const esbuildVersion = /** @type {{ version: string }} */ (require("esbuild/package.json")).version;
const cacheDirectory = process.env.EXEMPLAR_CACHE_DIR ?? path.join(nodeModulesOf(require.resolve("esbuild/package.json")), ".cache", "exemplar");

/** @param {string} file a file inside a package @returns {string} the node_modules folder that holds it */
function nodeModulesOf(file) {
  const marker = `${path.sep}node_modules${path.sep}`;
  return file.slice(0, file.lastIndexOf(marker) + marker.length - 1);
}

/**
 * Written beside and renamed, so that a concurrent worker never reads half a file. A cache that
 * cannot be written (a read-only install) only costs the speed-up.
 * @param {string} file @param {string} code
 */
async function store(file, code) {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, code);
    await rename(temporary, file);
  } catch {
    // not cached
  }
}

const day = 24 * 60 * 60 * 1000;
/** how long a compiled file stays in the cache after it was written */
const keepFor = 14 * day;

/**
 * Every edit of an example adds a compiled file, so on a miss (the slow path, which already
 * compiles) at most once a day the files written more than `keepFor` ago go. A file still in
 * use is compiled again once.
 * @param {string} folder
 */
async function prune(folder) {
  const stamp = path.join(folder, ".pruned");
  try {
    const last = await stat(stamp).then((stats) => stats.mtimeMs, () => 0);
    if (Date.now() - last < day) return;
    await writeFile(stamp, "");
    const now = new Date();
    await utimes(stamp, now, now);
    for (const name of await readdir(folder)) {
      if (!name.endsWith(".js")) continue;
      const file = path.join(folder, name);
      const { mtimeMs } = await stat(file);
      if (Date.now() - mtimeMs > keepFor) await rm(file, { force: true });
    }
  } catch {
    // another worker pruned meanwhile, or a read-only cache: next time
  }
}
