import { pathToFileURL } from "node:url";
import { typescriptLoader } from "../fast/bundlePaths.ts";

let registered: Promise<unknown> | undefined;

/**
 * Imports a user's module (config, setup), compiling TypeScript on the fly. The compiler hook
 * is registered on first need only: a run without a config never pays for it.
 */
export async function importModule(file: string): Promise<Record<string, unknown>> {
  if (/\.[cm]?ts$/.test(file)) {
    registered ??= import(typescriptLoader);
    await registered;
  }
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
