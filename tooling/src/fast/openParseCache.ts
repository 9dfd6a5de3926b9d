// Speed: what parsing each example file found, kept between runs. Why: a re-run in which no
// example file changed (a CI job whose cache was restored, a second `check`) spent most of its
// time loading the compiler and parsing every file again, to learn what it learned last time.
// Kept by text: a file whose text changed is parsed again, and the others' findings are reused
// without loading the compiler. Proven by `npm run bench:ci` (the re-runs); figures in
// BENCHMARKS.md.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scanSpecifiers } from "../cache/localImportGraph.ts";
import { writeFileAtomic } from "../files/writeFileAtomic.ts";
import { parseRegex } from "../find/parseRegex.ts";
import type { KnownFindings } from "../project/parseExamples.ts";
import type { FileFindings } from "../records/FileFindings.ts";
import type { SourceText } from "../records/SourceText.ts";

/** The parse cache of a project: findings by file text, and import specifiers by module text. */
export interface ParseCache extends KnownFindings {
  /** whether it holds what this file's text holds (without counting it as used) */
  knows(source: SourceText): boolean;
  /** the specifiers a module's imports name (see `localImportGraph`), scanned once per text */
  specifiers(file: string, text: string): string[];
  /** writes what is new, dropping what this run did not use; nothing when nothing changed */
  save(): Promise<void>;
}

interface Stored {
  version: 1;
  build: string;
  files: Record<string, { hash: string; findings: FileFindings }>;
  specifiers: Record<string, string[]>;
}

/**
 * Opens `.exemplar-cache/examples.json` (or `file`). Its entries hold for one build of Exemplar
 * (this module's file, as installed or built), one TypeScript and one Node (the globals a
 * stand-alone snippet may use): another of these starts it afresh. A missing or unreadable
 * file is an empty cache.
 */
export function openParseCache(root: string, { file = path.join(root, ".exemplar-cache", "examples.json") } = {}): ParseCache {
  const build = buildStamp();
  const stored = readStored(file, build);
  const files: Stored["files"] = {};
  const specifiers: Stored["specifiers"] = {};
  let changed = false;
  const hashOf = (text: string, kind = "") => createHash("sha256").update(kind).update(text).digest("hex").slice(0, 32);
  // `knows`, then `get` or `set`, ask for the same file's hash: computed once per text read
  const sourceHashes = new WeakMap<SourceText, string>();
  const hashOfSource = (source: SourceText) => {
    let hash = sourceHashes.get(source);
    if (hash === undefined) sourceHashes.set(source, (hash = hashOf(source.text, source.commonjs ? "cjs\0" : "esm\0")));
    return hash;
  };
  return {
    knows: (source) => stored.files[source.file]?.hash === hashOfSource(source),
    get(source) {
      const kept = stored.files[source.file];
      if (kept === undefined || kept.hash !== hashOfSource(source)) return undefined;
      files[source.file] = kept;
      return revive(kept.findings);
    },
    set(source, findings) {
      files[source.file] = { hash: hashOfSource(source), findings };
      changed = true;
    },
    specifiers(module, text) {
      const hash = hashOf(text);
      let found = specifiers[hash] ?? stored.specifiers[hash];
      if (found === undefined) {
        found = scanSpecifiers(module, text);
        changed = true;
      }
      specifiers[hash] = found;
      return found;
    },
    async save() {
      // entries this run did not read are dropped, so the file stays the size of the project
      const dropped = Object.keys(stored.files).some((name) => !(name in files)) || Object.keys(stored.specifiers).some((hash) => !(hash in specifiers));
      if (!changed && !dropped) return;
      await writeFileAtomic(file, `${JSON.stringify({ version: 1, build, files, specifiers } satisfies Stored)}\n`);
    },
  };
}

function readStored(file: string, build: string): Stored {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
    if (stored.version === 1 && stored.build === build) return stored;
  } catch {
    // missing or unreadable: an empty cache
  }
  return { version: 1, build, files: {}, specifiers: {} };
}

/** Findings as kept in JSON, with their expectations' RegExp made again from the text written. */
function revive(findings: FileFindings): FileFindings {
  for (const example of findings.examples) {
    for (const expectation of example.expectations) {
      if (expectation.kind === "match" || (expectation.kind === "error" && expectation.pattern !== undefined)) {
        expectation.pattern = parseRegex(expectation.source) as RegExp;
      }
    }
  }
  return findings;
}

let stamp: string | undefined;

/** This build of Exemplar, the TypeScript it parses with, and the Node it runs on. */
function buildStamp(): string {
  if (stamp !== undefined) return stamp;
  const self = fileURLToPath(import.meta.url);
  const { mtimeMs, size } = statSync(self);
  const { version } = createRequire(import.meta.url)("typescript/package.json") as { version: string };
  stamp = JSON.stringify([self, mtimeMs, size, version, process.version]);
  return stamp;
}
