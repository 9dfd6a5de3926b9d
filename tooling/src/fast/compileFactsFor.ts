import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CompileFacts } from "./blankTypes.ts";
import { ts } from "./typescript.ts";

/**
 * What the tsconfig.json esbuild is given for a file in `folder` tells (see `CompileFacts`): the
 * nearest one, as the worker's loader finds it (fast/loader/hooks.mjs: its text, without
 * `extends`). Class fields count as defined only when it says so, by `useDefineForClassFields`
 * or by a target of ES2022 or later: without either, versions of esbuild differ. `cache` holds
 * the facts by folder, for the files of one run.
 */
export function compileFactsFor(folder: string, cache: Map<string, CompileFacts> = new Map()): CompileFacts {
  const known = cache.get(folder);
  if (known) return known;
  const file = path.join(folder, "tsconfig.json");
  const parent = path.dirname(folder);
  const facts = existsSync(file) ? factsOf(file) : parent === folder ? { definesClassFields: false } : compileFactsFor(parent, cache);
  cache.set(folder, facts);
  return facts;
}

function factsOf(file: string): CompileFacts {
  const { config } = ts.parseConfigFileTextToJson(file, readFileSync(file, "utf8"));
  const options = (config as { compilerOptions?: { useDefineForClassFields?: unknown; target?: unknown } } | undefined)?.compilerOptions ?? {};
  if (typeof options.useDefineForClassFields === "boolean") return { definesClassFields: options.useDefineForClassFields };
  const target = typeof options.target === "string" ? options.target.toLowerCase() : "";
  const year = /^es(\d{4})$/.exec(target)?.[1];
  return { definesClassFields: target === "esnext" || (year !== undefined && Number(year) >= 2022) };
}
