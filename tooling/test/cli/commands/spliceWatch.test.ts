import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

const bin = fileURLToPath(new URL("../../../bin/exemplar.js", import.meta.url));
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe("exemplar splice --write --watch", () => {
  it("splices, then again on each save, once per save (its own writes splice nothing), and ends cleanly on Ctrl-C", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "exemplar-splice-watch-"));
    roots.push(root);
    const example = (word: string) => `/**\n * @example a.one\n * @expect\n * ${word}\n */\nexport function one() {\n  console.log("${word}");\n}\n`;
    mkdirSync(path.join(root, "examples"));
    mkdirSync(path.join(root, "docs"));
    writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
    writeFileSync(path.join(root, "examples/a.ts"), example("one"));
    const page = path.join(root, "docs/a.md");
    writeFileSync(page, "# A\n\n```ts example=a.one\n```\n\n```text example-output=a.one\n```\n");
    const child = spawn(process.execPath, [bin, "splice", "--write", "--watch"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const splices = () => stdout.match(/exemplar: [^\n]* changed: spliced in \d+ ms; watching\n/g) ?? [];
    try {
      await vi.waitFor(() => expect(stderr).toContain("exemplar: watching for changes (Ctrl-C to stop)"), { timeout: 60_000, interval: 50 });
      expect(stdout).toBe("updated docs/a.md\n1 page updated\n");
      expect(readFileSync(page, "utf8")).toContain('```text example-output=a.one\none\n```');

      writeFileSync(path.join(root, "examples/a.ts"), example("two"));
      await vi.waitFor(() => expect(splices()).toEqual(["exemplar: examples/a.ts changed: spliced in 0 ms; watching\n".replace("0 ms", splices()[0]?.match(/\d+ ms/)?.[0] ?? "")]), { timeout: 60_000, interval: 50 });
      expect(readFileSync(page, "utf8")).toContain('console.log("two");');
      expect(readFileSync(page, "utf8")).toContain('```text example-output=a.one\ntwo\n```');

      // a second save: had the page's own write counted as a save, a third splice would be here
      writeFileSync(path.join(root, "examples/a.ts"), example("three"));
      await vi.waitFor(() => expect(readFileSync(page, "utf8")).toContain("three\n```"), { timeout: 60_000, interval: 50 });
      await vi.waitFor(() => expect(splices()).toHaveLength(2), { timeout: 60_000, interval: 50 });
      expect(splices().every((line) => line.startsWith("exemplar: examples/a.ts changed:"))).toBe(true);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  }, 180_000);
});
