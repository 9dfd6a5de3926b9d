import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * An initialised, empty PGlite data directory to copy fresh stores from. Running initdb in WASM
 * takes seconds; copying its result takes a fraction of one, and every test and docs run starts
 * a fresh store. Built once per PGlite version under the OS temp folder, atomically (built
 * aside, then renamed), so concurrent processes never see half a template.
 */
export async function pgliteTemplate(cacheDir = tmpdir()): Promise<string> {
  const template = path.join(cacheDir, `envelope-pglite-template-${pgliteVersion()}`);
  if (existsSync(path.join(template, "PG_VERSION"))) return template;
  const building = `${template}.building-${process.pid}-${Date.now()}`;
  mkdirSync(cacheDir, { recursive: true });
  const db = await PGlite.create({ dataDir: building });
  await db.close();
  try {
    renameSync(building, template);
  } catch {
    // another process won the race; its template is as good as ours
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** Fills an empty or missing data directory from the template; leaves an existing one alone. */
export async function seedDataDir(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
  const template = await pgliteTemplate();
  cpSync(template, dataDir, { recursive: true });
}
