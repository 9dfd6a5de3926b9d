import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ProjectFacts } from "./ProjectFacts.ts";

/** The files `planInit` may write, to be told apart from those that exist. */
const candidates = ["exemplar.config.ts", "examples/hello.ts", "docs/index.md", "docs/.vitepress/config.mts", ".github/workflows/docs.yml"];
const vitepressConfigs = ["config.ts", "config.mts", "config.js", "config.mjs"].map((name) => `docs/.vitepress/${name}`);

/** What `planInit` needs to know of the project at `root`: read only, nothing written. */
export function readProjectFacts(root: string): ProjectFacts {
  const read = (file: string) => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), "utf8") : undefined);
  const manifest = read("package.json");
  let dependencies: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(manifest ?? "{}") as { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
    dependencies = { ...parsed.dependencies, ...parsed.devDependencies };
  } catch {
    // a package.json that does not parse: npm reports it; init only reads what it can
  }
  const readme = read("README.md");
  const gitignore = read(".gitignore");
  const vitepressConfig = vitepressConfigs.find((file) => existsSync(path.join(root, file)));
  return {
    vitepress: "vitepress" in dependencies || existsSync(path.join(root, "node_modules", "vitepress")),
    ...(vitepressConfig ? { vitepressConfig, vitepressConfigHasExemplar: read(vitepressConfig)!.includes("withExemplar") } : {}),
    readme: readme !== undefined,
    ...(readme !== undefined ? { readmeText: readme } : {}),
    ...(gitignore !== undefined ? { gitignore } : {}),
    existing: new Set(candidates.filter((file) => existsSync(path.join(root, file)))),
  };
}
