// @ts-check
/**
 * Module hooks that give the TypeScript files of a CommonJS package (one whose nearest
 * package.json has no `"type": "module"`, or that has no package.json) CommonJS's `require`,
 * `__filename` and `__dirname`, made with `createRequire`. The files still run as ES modules, as
 * hooks.mjs compiles them (an example is an `export`ed function): code written for CommonJS,
 * `require("./lib.js")` or `path.join(__dirname, "data")`, runs as it would there. `.mts` files
 * are ES modules wherever they are and get none; `module` and `exports` are never given.
 *
 * The names come from an import appended to the end of the file (imports are bound before any
 * of the file's code runs), so that every line and column stays where it was. A name the file
 * declares itself (`const require = createRequire(import.meta.url)`) is left to it.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { packageType } from "./packageType.mjs";

const names = ["require", "__filename", "__dirname"];

/** @type {import("node:module").LoadHook} */
export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (loaded.format !== "module" || !url.startsWith("file:") || !/\.c?ts$/.test(new URL(url).pathname)) return loaded;
  const file = fileURLToPath(url);
  if (packageType(path.dirname(file)) === "module") return loaded;
  const source = typeof loaded.source === "string" ? loaded.source : new TextDecoder().decode(loaded.source);
  const wanted = wantedGlobals(source);
  if (wanted.length === 0) return loaded;
  return { ...loaded, source: appendImport(source, `import { ${wanted.join(", ")} } from ${JSON.stringify(globalsModule(file))};`) };
}

/**
 * The CommonJS globals the JavaScript `source` uses and does not declare itself (exported for
 * the tests; Node reads only the hooks of this module).
 * @param {string} source @returns {string[]}
 */
export function wantedGlobals(source) {
  return names.filter((name) => uses(source, name) && !declares(source, name));
}

/** @param {string} source @param {string} name */
function uses(source, name) {
  return new RegExp(String.raw`(?<![\w$.])${name}(?![\w$])`).test(source);
}

/**
 * Whether the JavaScript declares `name` somewhere: as a variable, function or class, or by an
 * import or a destructuring. Anywhere, not only at the top: a name declared in a function too is
 * left alone rather than risk a second declaration.
 * @param {string} source @param {string} name
 */
function declares(source, name) {
  const end = String.raw`(?![\w$])`;
  return [
    String.raw`\b(?:const|let|var|function\*?|class)\s+${name}${end}`,
    String.raw`\bimport\s+${name}${end}`,
    String.raw`\bas\s+${name}${end}`,
    String.raw`\b(?:const|let|var)\s*[{[][^=]*(?<![\w$.])${name}${end}[^=]*[}\]]\s*=`,
  ].some((pattern) => new RegExp(pattern).test(source));
}

/** A module that exports the CommonJS globals of `file`; its URL holds it whole. */
function globalsModule(file) {
  const text = [
    `import { createRequire } from "node:module";`,
    `export const require = createRequire(${JSON.stringify(pathToFileURL(file).href)});`,
    `export const __filename = ${JSON.stringify(file)};`,
    `export const __dirname = ${JSON.stringify(path.dirname(file))};`,
  ].join("\n");
  return `data:text/javascript,${encodeURIComponent(text)}`;
}

/** `line` added as the file's last line, before its source map comment if it has one. */
function appendImport(/** @type {string} */ source, /** @type {string} */ line) {
  const map = source.lastIndexOf("\n//# sourceMappingURL=");
  const at = map === -1 ? source.length : map;
  return `${source.slice(0, at)}\n${line}${source.slice(at)}`;
}
