import { pathToFileURL } from "node:url";

let registered: Promise<unknown> | undefined;

/**
 * Imports a user's module (config, setup), compiling TypeScript on the fly. The compiler hook
 * is registered on first need only: a run without a config never pays for it.
 */
export async function importModule(file: string): Promise<Record<string, unknown>> {
  if (/\.[cm]?tsx?$/.test(file)) {
    registered ??= import("tsx/esm/api").then(({ register }) => register());
    await registered;
  }
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
