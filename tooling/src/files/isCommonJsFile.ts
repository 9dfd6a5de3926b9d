import path from "node:path";
import { packageType } from "../fast/loader/packageType.mjs";

/**
 * Whether an example file runs with CommonJS's `require`, `__filename` and `__dirname`: a `.ts`
 * or `.cts` file whose nearest package.json has no `"type": "module"` (or that has none), as the
 * workers' loader decides (fast/loader/commonjsGlobals.mjs, through the same `packageType`).
 * `types` caches each folder's answer.
 */
export function isCommonJsFile(file: string, types: Map<string, string | undefined> = new Map()): boolean {
  return /\.c?ts$/.test(file) && packageType(path.dirname(file), types) !== "module";
}
