// Speed: the TypeScript compiler, loaded lazily and from V8's code cache. Why: loading and
// compiling the compiler is most of a command's start-up. Proven by `npm run bench:engine:phases`
// (exemplar list with and without the code cache); figures in BENCHMARKS.md.
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
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
 * Loads the compiler as `require` would, but with V8's code cache: compiling its 9 MB is a large
 * part of every command's start, and the cache (written by the first run, or by `npm ci`'s build,
 * under node_modules/.cache/exemplar) skips it. A cache V8 rejects (another Node version) is rewritten.
 * Not `import()`: Node would first scan the whole file for named exports.
 */
export function loadTypeScript(cacheDirectory?: string): typeof TypeScript {
  const require = createRequire(import.meta.url);
  const file = require.resolve("typescript");
  const { version } = require("typescript/package.json") as { version: string };
  // V8 rejects a cache made under other flags: one file per command line, so that processes
  // started with different flags (a test runner's, a profiler's) do not rewrite each other's
  const flags = createHash("sha256").update(JSON.stringify([process.execArgv, process.env.NODE_OPTIONS ?? ""])).digest("hex").slice(0, 8);
  const cacheFile = path.join(cacheDirectory ?? defaultCacheDirectory(file), `typescript-${version}-${process.version}-${process.arch}-${flags}.v8cache`);
  const cached = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(readSource(file)), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  const module = { exports: {} as typeof TypeScript };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  if (!cached || script.cachedDataRejected) {
    // a first parse, so that the cache also holds the scanner's and parser's functions. Written
    // now, not at exit: by then V8 has often flushed the bytecode of the compiler's top level,
    // which runs once, and a cache without it starts slower than no cache
    module.exports.createSourceFile("warm.ts", warmUpSource, module.exports.ScriptTarget.ES2023, true);
    writeCache(cacheFile, script.createCachedData());
  }
  return module.exports;
}

const warmUpSource = `import { a } from "../a.ts";
/**
 * @example warm.up
 * @expect 1
 */
export async function warmUp(): Promise<void> {
  const value: number = await Promise.resolve(a);
  console.log(\`\${value}\`);
}
`;

/**
 * The compiler's 9 MB of JavaScript as a string. It is ASCII, which reads as Latin-1 faster than
 * UTF-8 decodes; a file that is not is decoded as UTF-8.
 */
function readSource(file: string): string {
  const bytes = readFileSync(file);
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/** `node_modules/.cache/exemplar` beside the compiler's package, the usual home of tool caches. */
function defaultCacheDirectory(compilerFile: string): string {
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
