import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ts } from "../fast/typescript.ts";

/** A file of the project read for its inputs: its path (absolute) and text. */
export interface InputFile {
  file: string;
  text: string;
}

const extensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx", ".json"];

/**
 * The local files a module imports, directly or through others, itself first: every `import`,
 * `export ... from`, `import()` and `require()` of a literal path that resolves to a file outside
 * `node_modules` (a relative path, or a package that links to local sources, as a workspace
 * does). Packages installed in `node_modules` are not followed: the lock file stands for them.
 * `texts` gives the text of files already in memory; the others are read from disk. A specifier
 * that does not resolve is left out (the run reports it). `known` keeps each file's imports for
 * the next call, and `specifiers` reads what a module names (by default, with the compiler's
 * scanner: `scanSpecifiers`).
 */
export function localImportGraph(
  start: string,
  texts: ReadonlyMap<string, string> = new Map(),
  known = new Map<string, string[]>(),
  specifiers: Specifiers = scanSpecifiers,
): InputFile[] {
  const seen = new Map<string, string>();
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    const text = texts.get(file) ?? readText(file);
    if (text === undefined) continue;
    seen.set(file, text);
    let imports = known.get(file);
    if (imports === undefined) {
      imports = importsOf(file, specifiers(file, text));
      known.set(file, imports);
    }
    queue.push(...imports);
  }
  return [...seen].map(([file, text]) => ({ file, text }));
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** What a module's imports name, as written. */
export type Specifiers = (file: string, text: string) => string[];

/** What a module's `import`, `export ... from`, `import()` and `require()` name, read by the compiler's scanner (no parse). */
export function scanSpecifiers(file: string, text: string): string[] {
  return file.endsWith(".json") ? [] : ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
}

/** the local files one module names (absolute, real paths) */
function importsOf(file: string, specifiers: readonly string[]): string[] {
  const found: string[] = [];
  for (const fileName of specifiers) {
    const resolved = fileName.startsWith(".") || path.isAbsolute(fileName) ? relativeFile(path.resolve(path.dirname(file), fileName)) : packageFile(file, fileName);
    if (resolved !== undefined && !resolved.split(path.sep).includes("node_modules")) found.push(resolved);
  }
  return found;
}

/** a relative specifier as Node and TypeScript's bundler resolution read it: as written, with an extension, `.js` for `.ts`, or a folder's index */
function relativeFile(target: string): string | undefined {
  const candidates = [target, ...extensions.map((extension) => `${target}${extension}`), target.replace(/\.([cm]?)js(x?)$/, ".$1ts$2"), ...extensions.map((extension) => path.join(target, `index${extension}`))];
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return realpathSync(candidate);
  }
  return undefined;
}

/** a bare specifier resolved from `file`, as `require` would; undefined for a built-in or one that does not resolve */
function packageFile(file: string, specifier: string): string | undefined {
  if (specifier.startsWith("node:")) return undefined;
  try {
    const resolved = createRequire(file).resolve(specifier);
    return path.isAbsolute(resolved) ? realpathSync(resolved) : undefined;
  } catch {
    return undefined;
  }
}
