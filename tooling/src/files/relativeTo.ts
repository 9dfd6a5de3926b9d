import path from "node:path";

/** A path as the user knows it: relative to the root, with forward slashes on every system. */
export function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}
