// Emits the .d.ts files of the library's entry points into dist/types (tsconfig.build.json), for
// `npm pack` (see build.js --package). The package's `exports` name them as `types`.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const tooling = fileURLToPath(new URL("..", import.meta.url));
export const typesStamp = path.join(tooling, "dist", "types", ".stamp");

/**
 * Writes dist/types afresh with tsc, stamped with `newest` (the sources' newest modification
 * time); throws when tsc fails, its messages already on stderr.
 */
export function buildTypes(newest) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  rmSync(path.join(tooling, "dist", "types"), { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, "-p", path.join(tooling, "tsconfig.build.json")], { cwd: tooling, stdio: "inherit" });
  writeFileSync(typesStamp, String(newest));
}
