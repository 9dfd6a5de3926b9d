import path from "node:path";
import { fileURLToPath } from "node:url";

// the runner's own worker, run from source or from the bundle in dist/
const internal = [/\(node:/, /at node:/, /[/\\]tooling[/\\]src[/\\]fast[/\\]loader[/\\]/, /[/\\]tooling[/\\](?:src[/\\]run[/\\]worker\.ts|dist[/\\]worker\.js)/, /at new Promise \(<anonymous>\)/];

/**
 * A stack trace as the writer wants it: the runner's and Node's own frames removed, file URLs
 * and absolute paths made relative to the project root.
 */
export function cleanStack(stack: string, root: string): string {
  return stack
    .split("\n")
    .filter((line) => !/^\s+at /.test(line) || !internal.some((pattern) => pattern.test(line)))
    .map((line) =>
      line
        .replace(/file:\/\/[^\s):]+/g, (url) => fileURLToPath(url))
        .replace(new RegExp(`${escape(root + path.sep)}`, "g"), ""),
    )
    .join("\n");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
