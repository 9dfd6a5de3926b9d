// @ts-check
/**
 * Module hooks that let Node import TypeScript: `.ts`, `.mts` and `.cts` files are compiled with
 * esbuild (the compiler tsx uses too) as ES modules, with an inline source map so that stacks
 * point at the TypeScript lines. Resolution follows TypeScript's conventions where Node's own
 * fails: `./x.js` may name `./x.ts`, and `./x` may name `./x.ts` or `./x/index.ts`.
 *
 * Kept this small on purpose: registering tsx costs a worker process about 0.2 s of CPU at each
 * start (see BENCHMARKS.md), these hooks a tenth of that. Plain JavaScript, since they are what
 * makes Node read TypeScript.
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

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
  const tsconfigRaw = tsconfigFor(path.dirname(file));
  const { code } = await transform(await readFile(file, "utf8"), {
    loader: "ts",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    sourcemap: "inline",
    sourcefile: file,
    ...(tsconfigRaw === undefined ? {} : { tsconfigRaw }),
  });
  return { format: "module", source: code, shortCircuit: true };
}
