import type { Checks } from "../envelope/Checks.ts";
import { tagKeyPattern } from "./validateTags.ts";

/**
 * Reads a command line's tag list, `name=churn,stage=prod`, into tags; adds a problem at
 * `path[index]` for each pair that is not `key=value` with a tag key. Spaces around keys and
 * values are trimmed.
 */
export function parseTagList(checks: Checks, text: string, path: string): Record<string, string> {
  const tags: Record<string, string> = {};
  text.split(",").forEach((pair, index) => {
    const equals = pair.indexOf("=");
    const key = pair.slice(0, Math.max(equals, 0)).trim();
    if (equals <= 0 || !tagKeyPattern.test(key)) checks.fail(`${path}[${index}]`, "key=value with a tag key (letters or digits, then '_', '.', '-')", pair);
    else tags[key] = pair.slice(equals + 1).trim();
  });
  return tags;
}
