import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { remarkThreadFile, typescriptLoader } from "../fast/bundlePaths.ts";
import { remarkFences, type RemarkNode } from "./remarkFences.ts";

/** One request to the parsing thread: the page, where to answer, and the flag to raise. */
export interface ToRemarkThread {
  text: string;
  bodyStart: number;
  port: MessagePort;
  flag: Int32Array;
}

/** how long remark may take to read a page's blocks */
export const remarkBudgetMs = 10_000;
/**
 * Pages up to this many characters are parsed here: micromark's slowest known shapes (nested
 * lists and quotes over many lines, quadratic) take a quarter of a second at this size, less
 * than starting the thread.
 */
const inThreadChars = 16 * 1024;

let thread: Worker | undefined;

/**
 * `remarkFences` with a time budget: a large page is parsed on a thread of its own, waited for
 * synchronously, and given up after `budgetMs` (the thread is ended). Undefined when over the
 * budget. micromark takes time growing with the square of some shapes (a long list whose items
 * nest lists or quotes a few levels deep: 160 KB took 21 s), and with no bound a page could hold
 * the splicer, a check or the dev server for minutes.
 */
export function remarkFencesBounded(text: string, bodyStart: number, budgetMs = remarkBudgetMs): RemarkNode[] | undefined {
  if (text.length - bodyStart <= inThreadChars) return remarkFences(text, bodyStart);
  thread ??= startThread();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    thread.postMessage({ text, bodyStart, port: port2, flag } satisfies ToRemarkThread, [port2]);
    if (Atomics.wait(flag, 0, 0, budgetMs) === "timed-out") {
      void thread.terminate();
      thread = undefined;
      return undefined;
    }
    const answer = receiveMessageOnPort(port1)?.message as { nodes: RemarkNode[] } | { error: string } | undefined;
    if (answer === undefined) throw new Error("the Markdown parsing thread gave no answer");
    if ("error" in answer) throw new Error(answer.error);
    return answer.nodes;
  } finally {
    port1.close();
  }
}

function startThread(): Worker {
  // the source's thread file is TypeScript; the bundle's is not, and needs no loader
  const started = new Worker(remarkThreadFile, { execArgv: remarkThreadFile.endsWith(".ts") ? ["--import", typescriptLoader] : [] });
  // it never keeps the process alive, and a thread that fails is started again next time
  started.unref();
  started.on("error", () => {
    if (thread === started) thread = undefined;
  });
  return started;
}
