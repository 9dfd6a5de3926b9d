import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURE = fileURLToPath(new URL("../fixtures/vitepress-site", import.meta.url));

/**
 * Copies the trimmed VitePress fixture site to `dir` and rewrites its base `/pr-1/` in the pages
 * to `base`, as if VitePress had built it with that base.
 */
export async function copySite(dir: string, base: string): Promise<void> {
  await cp(FIXTURE, dir, { recursive: true });
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith(".html")) continue;
    const path = join(dir, entry);
    await writeFile(path, (await readFile(path, "utf8")).replaceAll("/pr-1/", base));
  }
}
