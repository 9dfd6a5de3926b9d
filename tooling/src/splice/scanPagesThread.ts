/**
 * The worker thread of `findPagesBlocks`: finds the keyed blocks of the pages it was given
 * (`workerData`) and posts them back, in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { findKeyedBlocks } from "./findKeyedBlocks.ts";

const pages = workerData as ReadonlyArray<{ file: string; text: string }>;
parentPort!.postMessage(pages.map((page) => findKeyedBlocks(page.text, page.file)));
