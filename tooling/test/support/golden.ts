import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/** `UPDATE=1 npx vitest run ...` rewrites golden files instead of comparing with them. */
export const updating = process.env.UPDATE === "1";

/**
 * Compares `actual` with the golden file's text, or writes it there when `UPDATE=1`. A missing
 * golden file fails: golden files are written on purpose, never by accident.
 */
export function expectGolden(file: string, actual: string): void {
  if (updating) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file missing: ${file} (run with UPDATE=1 to write it)`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
