import { stat } from "node:fs/promises";
import { ExemplarError } from "../errors/ExemplarError.ts";

/**
 * Checks that `root` (the resolved form of `dir`, which messages show) is a folder.
 * Throws `EXEMPLAR_PUBLISH_DIR` naming `dir` when it is missing or not a folder.
 */
export async function assertSiteDir(root: string, dir: string): Promise<void> {
  try {
    const info = await stat(root);
    if (info.isDirectory()) return;
  } catch (error) {
    throw new ExemplarError("EXEMPLAR_PUBLISH_DIR", `site folder "${dir}" does not exist; expected the built site (e.g. docs/.vitepress/dist)`, { cause: error });
  }
  throw new ExemplarError("EXEMPLAR_PUBLISH_DIR", `site folder "${dir}" is not a folder; expected the built site (e.g. docs/.vitepress/dist)`);
}
