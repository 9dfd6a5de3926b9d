import { existsSync } from "node:fs";
import path from "node:path";

/** The files that pin the packages a project installs, by the package managers that write them. */
export const lockFileNames: ReadonlySet<string> = new Set(["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb"]);

/** The nearest lock file to `root`: in it, or in a folder above (a workspace's root holds it). */
export function findLockFile(root: string): string | undefined {
  for (let folder = root; ; folder = path.dirname(folder)) {
    const found = [...lockFileNames].map((name) => path.join(folder, name)).find((file) => existsSync(file));
    if (found || path.dirname(folder) === folder) return found;
  }
}
