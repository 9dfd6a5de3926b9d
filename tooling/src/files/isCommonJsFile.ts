import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Whether an example file runs with CommonJS's `require`, `__filename` and `__dirname`: a `.ts`
 * or `.cts` file whose nearest package.json has no `"type": "module"` (or that has none), as the
 * workers' loader decides (fast/loader/commonjsGlobals.mjs). `types` caches each folder's answer.
 */
export function isCommonJsFile(file: string, types: Map<string, string | undefined> = new Map()): boolean {
  return /\.c?ts$/.test(file) && packageType(path.dirname(file), types) !== "module";
}

function packageType(folder: string, types: Map<string, string | undefined>): string | undefined {
  if (types.has(folder)) return types.get(folder);
  const file = path.join(folder, "package.json");
  const parent = path.dirname(folder);
  let type: string | undefined;
  if (existsSync(file)) {
    try {
      type = (JSON.parse(readFileSync(file, "utf8")) as { type?: string }).type;
    } catch {
      // Node itself reports a package.json it cannot read
    }
  } else if (parent !== folder) type = packageType(parent, types);
  types.set(folder, type);
  return type;
}
