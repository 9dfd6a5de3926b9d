import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { coalesceRuns } from "../vitepress/coalesceRuns.ts";
import type { CommandIo } from "./Command.ts";
import { interruptOnSignal } from "./interruptOnSignal.ts";

/**
 * folders whose files are never inputs of an example nor pages, and the temporary files of
 * atomic writes (ours, `.page.md.<pid>.<n>.tmp`: see `writeFileAtomic`, and editors' alike)
 */
const ignored = /(^|\/)(node_modules|\.git|\.exemplar-cache|\.bench)(\/|$)|(^|\/)\.[^/]+\.tmp$/;

/**
 * What one save does (`check --watch` runs, `splice --watch` splices): given the files whose text
 * changed (absolute paths) and the signal of Ctrl-C, it prints its line, and returns the files it
 * wrote itself, with their text, so that their own events run nothing.
 */
export type OnSave = (saved: string[], signal: AbortSignal) => Promise<ReadonlyMap<string, string> | void>;

/**
 * Watches `root` and calls `onSave` with the files each save changed, one call at a time: saves
 * made during a call make one call right after it, and a write of the text last seen (an
 * editor's second write, a watcher's second event, the command's own write) calls nothing.
 * Ends on Ctrl-C (or SIGTERM) with 0, once the call going on has stopped.
 */
export async function watchSaves(root: string, io: CommandIo, onSave: OnSave): Promise<number> {
  const interrupt = interruptOnSignal();
  const seen = new Map<string, string | undefined>();
  const rerun = coalesceRuns(async (files: string[]) => {
    const texts = await Promise.all(files.map((file) => readFile(file, "utf8").catch(() => undefined)));
    const saved = files.filter((file, index) => seen.get(file) !== texts[index] || !seen.has(file));
    files.forEach((file, index) => seen.set(file, texts[index]));
    if (saved.length === 0 || interrupt.signal) return;
    const written = await onSave(saved, interrupt.abort);
    for (const [file, text] of written ?? []) seen.set(file, text);
  });
  // the call of the latest save, which Ctrl-C waits for
  let latest: Promise<unknown> = Promise.resolve();
  const watcher = watch(root, { recursive: true }, (_event, name) => {
    if (!name || ignored.test(name.split(path.sep).join("/"))) return;
    latest = rerun(path.join(root, name)).catch((error: Error) => io.stderr(`exemplar: ${error.message}\n`));
  });
  io.stderr("exemplar: watching for changes (Ctrl-C to stop)\n");
  await new Promise((resolve) => interrupt.abort.addEventListener("abort", resolve, { once: true }));
  watcher.close();
  // the call going on was aborted with the signal: wait for its workers to be gone
  await latest;
  interrupt.remove();
  return 0;
}
