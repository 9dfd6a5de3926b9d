import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { uiBundleFile, uiSourceDirs } from "./uiBundle.ts";

/** Whether the bundle is missing or older than a file it is built from. */
export function isUiBundleStale(bundle = uiBundleFile): boolean {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return uiSourceDirs.some((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).some((entry) => entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > built),
  );
}

/**
 * Bundles the dashboard's browser code (platform/src/ui/app/main.ts and Observable Plot with it)
 * into one minified script, so that the page needs nothing from elsewhere. Returns its size.
 */
export async function buildUi(outFile = uiBundleFile): Promise<{ file: string; bytes: number }> {
  // loaded here: the registry imports this folder's paths, and esbuild's API takes a while to load
  const { build } = await import("esbuild");
  await build({
    entryPoints: [fileURLToPath(new URL("../app/main.ts", import.meta.url))],
    outfile: outFile,
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["chrome110", "firefox110", "safari16"],
    legalComments: "linked",
    logLevel: "warning",
  });
  return { file: outFile, bytes: statSync(outFile).size };
}
