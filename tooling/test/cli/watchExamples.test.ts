import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

const bin = fileURLToPath(new URL("../../bin/exemplar.js", import.meta.url));
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe("exemplar check --watch", () => {
  it("runs everything, then on a save only the examples it affects, once, and ends cleanly on Ctrl-C", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "exemplar-watch-"));
    roots.push(root);
    const example = (key: string) => `/**\n * @example ${key}\n * @expect\n * ${key}\n */\nexport function ${key.split(".")[1]}() { console.log("${key}" + deep); }\n`;
    mkdirSync(path.join(root, "examples"));
    writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
    writeFileSync(path.join(root, "examples/a.ts"), `import { deep } from "./deep.ts";\n${example("a.one")}${example("a.two")}`);
    writeFileSync(path.join(root, "examples/deep.ts"), 'export const deep = "";\n');
    writeFileSync(path.join(root, "examples/b.ts"), `const deep = "";\n${example("b.one")}`);
    const child = spawn(process.execPath, [bin, "check", "--watch", "--examples", "examples/*.ts"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await vi.waitFor(() => expect(stderr).toContain("exemplar: watching for changes (Ctrl-C to stop)"), { timeout: 60_000, interval: 50 });
      expect(stdout).toContain("Examples: 3 passed, 0 failed");
      appendFileSync(path.join(root, "examples/deep.ts"), "// saved\n");
      await vi.waitFor(() => expect(stdout).toMatch(/exemplar: examples\/deep\.ts changed: ran 2 examples in \d+ ms; watching\n/), { timeout: 60_000, interval: 50 });
      expect(stdout.split("Examples: ").slice(1).map((line) => line.split("\n")[0])).toEqual(["3 passed, 0 failed", "2 passed, 0 failed"]);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  }, 120_000);
});
