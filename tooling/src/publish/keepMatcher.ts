import { ExemplarError } from "../errors/ExemplarError.ts";

/**
 * A test for keys (relative to the publish prefix) that a publish or unpublish must never delete:
 * each pattern names a folder, where `*` matches any run of characters inside one folder name
 * (`pr-*` keeps `pr-12/index.html`, not `pr-12.html` nor `docs/pr-12/x`). It exists so that
 * publishing the site root leaves the pull request previews beside it alone. Throws
 * `EXEMPLAR_USAGE` for an empty pattern or one with `..`, `\` or a leading `/`.
 */
export function keepMatcher(patterns: readonly string[]): (relativeKey: string) => boolean {
  if (patterns.length === 0) return () => false;
  const sources = patterns.map((pattern) => {
    const folder = pattern.replace(/\/+$/, "");
    if (folder === "" || folder.startsWith("/") || folder.includes("\\") || folder.split("/").some((part) => part === ".." || part === "." || part === "")) {
      throw new ExemplarError("EXEMPLAR_USAGE", `--keep ${JSON.stringify(pattern)} is not a folder pattern; expected e.g. --keep 'pr-*'`);
    }
    return folder.split("*").map(escape).join("[^/]*");
  });
  const regex = new RegExp(`^(?:${sources.join("|")})/`);
  return (relativeKey) => regex.test(relativeKey);
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
