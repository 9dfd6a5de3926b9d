import { Worker } from "node:worker_threads";
import { typescriptLoader } from "../loader/typescriptLoader.ts";
import { findKeyedBlocks, type FoundBlocks } from "./findKeyedBlocks.ts";

export interface FindPagesBlocksOptions {
  /**
   * find the blocks in a worker thread, so that this thread can do other work meanwhile (find
   * the examples: loading the compiler and parsing take as long as a thousand pages). Default:
   * with `threadFrom` pages or more, below which starting a thread costs more than it saves.
   */
  thread?: boolean;
}

/** From this many pages on, `findPagesBlocks` works in a thread of its own by default. */
export const threadFrom = 200;

// bundled into dist/, the thread's code sits beside the CLI as scan-pages-thread.js; from
// source it is TypeScript, which a thread reads through the project's loader
const fromSource = import.meta.url.endsWith(".ts");
const threadFile = new URL(fromSource ? "./scanPagesThread.ts" : "./scan-pages-thread.js", import.meta.url);

/**
 * The keyed blocks of each page (see `findKeyedBlocks`), in order. The work starts at once: in
 * a thread when there are many pages, else on this thread with a turn for other work every 50
 * pages (a run started before reads, finds and starts its workers here too).
 */
export function findPagesBlocks(pages: ReadonlyArray<{ file: string; text: string }>, options: FindPagesBlocksOptions = {}): Promise<FoundBlocks[]> {
  if (options.thread ?? pages.length >= threadFrom) return inThread(pages);
  return here(pages);
}

function inThread(pages: ReadonlyArray<{ file: string; text: string }>): Promise<FoundBlocks[]> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(threadFile, {
      workerData: pages.map(({ file, text }) => ({ file, text })),
      ...(fromSource ? { execArgv: ["--import", typescriptLoader] } : {}),
    });
    thread.once("message", (found: FoundBlocks[]) => {
      resolve(found);
      void thread.terminate();
    });
    thread.once("error", reject);
    thread.once("exit", (code) => reject(new Error(`the thread finding the pages' blocks exited with code ${code} before it answered`)));
  });
}

async function here(pages: ReadonlyArray<{ file: string; text: string }>): Promise<FoundBlocks[]> {
  const found: FoundBlocks[] = [];
  for (const page of pages) {
    if (found.length % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
    found.push(findKeyedBlocks(page.text, page.file));
  }
  return found;
}
