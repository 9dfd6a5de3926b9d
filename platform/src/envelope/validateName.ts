import type { Checks } from "./Checks.ts";

/**
 * Model names: a letter or digit, then letters, digits, `.`, `_` or `-`, at most 100 characters.
 * No slashes and no leading dot, so a name can never be a path (`../etc/passwd` is refused).
 */
export const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Checks a model name, adding a problem at `path` when it is not one. */
export function validateName(checks: Checks, value: unknown, path = "name"): value is string {
  return checks.string(value, path, { pattern: namePattern, describe: "a model name (letters, digits, '.', '_', '-'; starting with a letter or digit; at most 100)" });
}
