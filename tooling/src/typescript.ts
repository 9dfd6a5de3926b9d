import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import type * as TypeScript from "typescript";

let compiler: typeof TypeScript | undefined;

/**
 * The TypeScript compiler, loaded on first use, so that a command that never parses does not
 * pay for it and worker processes can start meanwhile.
 * Use `import type * as TS from "typescript"` for its types.
 */
export const ts: typeof TypeScript = new Proxy({} as typeof TypeScript, {
  get: (_, property) => (compiler ??= loadTypeScript())[property as keyof typeof TypeScript],
});

/**
 * Loads the compiler as `require` would, but with V8's code cache: compiling its 9 MB takes
 * about 0.2 s on each start, and the cache (written by the first run, or by `npm ci`'s build,
 * under node_modules/.cache/exemplar) skips it. A cache V8 rejects (another Node version) is rewritten.
 * Not `import()`: Node would first scan the whole file for named exports (0.6 s in all).
 */
export function loadTypeScript(): typeof TypeScript {
  const require = createRequire(import.meta.url);
  const file = require.resolve("typescript");
  const { version } = require("typescript/package.json") as { version: string };
  const cacheFile = path.join(cacheDirectory(file), `typescript-${version}-${process.version}-${process.arch}.v8cache`);
  const cached = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(file, "utf8")), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  const module = { exports: {} as typeof TypeScript };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  // written at exit, so that the cache also holds the functions this run compiled lazily (the
  // parser's): the next start skips compiling them too
  if (!cached || script.cachedDataRejected) process.once("exit", () => writeCache(cacheFile, script.createCachedData()));
  return module.exports;
}

/** `node_modules/.cache/exemplar` beside the compiler's package, the usual home of tool caches. */
function cacheDirectory(compilerFile: string): string {
  const nodeModules = compilerFile.slice(0, compilerFile.lastIndexOf(`${path.sep}node_modules${path.sep}`) + "/node_modules".length);
  return path.join(nodeModules, ".cache", "exemplar");
}

function writeCache(file: string, data: Buffer) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // written beside and renamed, so that a concurrent start never reads half a cache
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // a read-only install only costs the speed-up
  }
}
