import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of a fixture corpus in `tooling/test/run/fixtures/`; see the README there. */
export function corpus(name: string): string {
  return fileURLToPath(new URL(`../run/fixtures/${name}`, import.meta.url));
}

/** A fresh copy of a corpus in a temporary folder, for tests that write into it or run in it. */
export function copyCorpus(name: string): { root: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), `exemplar-${name}-`));
  cpSync(corpus(name), root, { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
