// @ts-check
// The `type` of the package a file belongs to, as Node reads it: shared by the workers' loader
// (commonjsGlobals.mjs) and the CLI (files/isCommonJsFile.ts), so that both take a file for
// CommonJS alike. Plain JavaScript, as the loader is.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** @type {Map<string, string | undefined>} the answer by folder, for a process's life */
const known = new Map();

/**
 * The `type` field of the nearest package.json at or above `folder` (undefined when it has none,
 * when there is none, or when it does not parse: Node reports that one itself). `types` holds
 * the answers by folder.
 * @param {string} folder @param {Map<string, string | undefined>} [types] @returns {string | undefined}
 */
export function packageType(folder, types = known) {
  if (types.has(folder)) return types.get(folder);
  const file = path.join(folder, "package.json");
  const parent = path.dirname(folder);
  let type;
  if (existsSync(file)) {
    try {
      type = JSON.parse(readFileSync(file, "utf8")).type;
    } catch {
      // Node itself reports a package.json it cannot read
    }
  } else if (parent !== folder) type = packageType(parent, types);
  types.set(folder, type);
  return type;
}
