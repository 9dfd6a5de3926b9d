import type { MessagePort } from "node:worker_threads";
import type { CompiledFile } from "../records/CompiledFile.ts";

/** The port to the module hooks' thread that fast/loader/register.mjs leaves on the global object. */
const port = (globalThis as Record<symbol, unknown>)[Symbol.for("exemplar.precompile")] as MessagePort | undefined;

/** Has the loader compile these files (absolute paths) now, without running them. */
export function precompileOnLoader(files: string[]): void {
  port?.postMessage({ files });
}

/**
 * Hands the loader JavaScript made ahead (see `CompiledFile`); resolves once it holds it, so
 * that an import that follows finds it. The messages of the port and the imports travel
 * separately to the hooks' thread, so without the wait an import could overtake them.
 */
export function provideToLoader(files: CompiledFile[]): Promise<void> {
  if (port === undefined || files.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    port.once("message", () => {
      // a listener keeps the process alive; the worker ends on its own terms
      port.unref();
      resolve();
    });
    port.postMessage({ compiled: files });
  });
}
