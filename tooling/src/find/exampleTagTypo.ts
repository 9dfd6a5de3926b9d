import { editDistance } from "./didYouMean.ts";

/**
 * Whether a doc tag's name is a misspelling of `example` (`@Example`, `@examples`, `@exmaple`):
 * such a tag would otherwise leave its function silently untested. Any case; one edit away; or
 * two edits away and starting with `ex` (`@exmaple`, but not `@sample`).
 */
export function isExampleTagTypo(name: string): boolean {
  if (name === "example") return false;
  const lower = name.toLowerCase();
  const distance = editDistance(lower, "example");
  return distance <= 1 || (distance === 2 && lower.startsWith("ex"));
}
