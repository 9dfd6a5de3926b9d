import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface CorpusEntry {
  file: string;
  name: string;
  key: string;
  lines: string[];
  async: boolean;
}

/**
 * Writes a synthetic corpus of `files x perFile` examples under `dir/examples`; every tenth
 * example is async with small awaits. Returns what each example prints, for the peers.
 */
export function generateCorpus(dir: string, files = 100, perFile = 10): CorpusEntry[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "examples"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  const entries: CorpusEntry[] = [];
  for (let f = 0; f < files; f++) {
    const file = `examples/file${String(f).padStart(3, "0")}.ts`;
    const chunks: string[] = ["export const unit = (n: number): string => `item ${n}`;\n"];
    for (let e = 0; e < perFile; e++) {
      const index = f * perFile + e;
      const async = index % 10 === 9;
      const name = `example${e}`;
      const key = `corpus.f${f}.e${e}`;
      const lines = [`example ${index} says hello`, `item ${index * 2}`, `sum ${index + 1}`];
      entries.push({ file, name, key, lines, async });
      chunks.push(`/**
 * Synthetic example ${index}.
 * @example ${key}
 * @expect
${lines.map((line) => ` * ${line}`).join("\n")}
 */
export ${async ? "async " : ""}function ${name}() {
  console.log("example ${index} says hello");${async ? "\n  await new Promise((resolve) => setTimeout(resolve, 1));\n  await Promise.resolve();" : ""}
  console.log(unit(${index} * 2));
  process.stdout.write(\`sum \${${index} + 1}\\n\`);
}
`);
    }
    writeFileSync(path.join(dir, file), chunks.join("\n"));
  }
  return entries;
}

/** The same checks as vitest tests: one test file per example file, each test capturing stdout. */
export function writeVitestCorpus(dir: string, entries: readonly CorpusEntry[]): void {
  mkdirSync(path.join(dir, "vitest"), { recursive: true });
  const byFile = new Map<string, CorpusEntry[]>();
  for (const entry of entries) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  for (const [file, list] of byFile) {
    const base = path.basename(file, ".ts");
    const tests = list.map((entry) => `test(${JSON.stringify(entry.key)}, async () => {
  const out = await capture(() => mod.${entry.name}());
  expect(out).toBe(${JSON.stringify(entry.lines.join("\n") + "\n")});
});`);
    writeFileSync(path.join(dir, "vitest", `${base}.test.ts`), `import { expect, test } from "vitest";
import * as mod from "../examples/${base}.ts";

async function capture(fn: () => unknown): Promise<string> {
  let out = "";
  const write = process.stdout.write;
  const log = console.log;
  process.stdout.write = ((chunk: string) => { out += chunk; return true; }) as typeof process.stdout.write;
  console.log = (...args: unknown[]) => { out += args.join(" ") + "\\n"; };
  try { await fn(); } finally { process.stdout.write = write; console.log = log; }
  return out;
}

${tests.join("\n\n")}
`);
  }
  writeFileSync(path.join(dir, "vitest.config.ts"), `import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["vitest/**/*.test.ts"] } });
`);
}

/** The naive way: one process per example, which imports the file, runs it and compares. */
export function writeNaiveRunner(dir: string): string {
  const file = path.join(dir, "run-one.ts");
  writeFileSync(file, `import { pathToFileURL } from "node:url";
const [file, name, expected] = process.argv.slice(2);
let out = "";
process.stdout.write = ((chunk: string) => { out += chunk; return true; }) as typeof process.stdout.write;
const mod = await import(pathToFileURL(file!).href);
await mod[name!]();
if (out !== JSON.parse(expected!)) { process.stderr.write("mismatch\\n"); process.exitCode = 1; }
`);
  return file;
}
