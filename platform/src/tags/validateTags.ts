import type { Checks } from "../envelope/Checks.ts";
import { baseTagKeys } from "./baseTags.ts";

/** Tag keys: a letter or digit (any script), then letters, digits, `_`, `.`, `-`; at most 64. */
export const tagKeyPattern = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u;
const controlCharacters = /[\u0000-\u001f\u007f]/;

/**
 * Checks user tags: an object of string values (unicode welcome, no control characters, at
 * most 256 characters), at most 50 of them, none of the platform's base keys.
 */
export function validateTags(checks: Checks, value: unknown, path = "tags"): value is Record<string, string> {
  if (!checks.record(value, path)) return false;
  const before = checks.problems.length;
  const keys = Object.keys(value);
  if (keys.length > 50) checks.failDescribed(path, "at most 50 tags", `${keys.length} tags`);
  for (const key of keys) {
    if (checks.full) break;
    const at = `${path}.${key}`;
    if (!tagKeyPattern.test(key)) checks.fail(at, "a tag key (letters or digits, then '_', '.', '-'; at most 64)", key);
    else if ((baseTagKeys as readonly string[]).includes(key)) checks.fail(at, `a key of your own: ${baseTagKeys.join(", ")} are set by the platform`);
    const tag = value[key];
    if (checks.string(tag, at, { max: 256, describe: "a string" }) && controlCharacters.test(tag)) checks.fail(at, "a string without control characters", tag);
  }
  return checks.problems.length === before;
}
