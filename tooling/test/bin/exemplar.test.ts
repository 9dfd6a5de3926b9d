import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "../splice/fixtureContext.ts";

const bin = fileURLToPath(new URL("../../bin/exemplar.js", import.meta.url));

/** Runs the CLI as users do: `bin/exemplar.js`, which runs the bundle in dist/ (rebuilt when stale). */
async function exemplar(cwd: string, ...argv: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...argv], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the built CLI on a docs folder of 250 pages", () => {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-bin-"));
  const count = 250;
  const page = (index: number) => path.join(root, "docs", "many", `${String(index).padStart(3, "0")}.md`);

  beforeAll(() => {
    cpSync(path.join(fixtures, "project"), root, { recursive: true });
    mkdirSync(path.join(root, "docs", "many"));
    for (let index = 0; index < count; index++) {
      writeFileSync(page(index), `# Page ${index}\n\n> Say hello:\n>\n> \`\`\`ts example=greeting.hello\n> \`\`\`\n`);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("splices every page in place, with the example's code and its real output", async () => {
    const write = await exemplar(root, "splice", "--write");
    expect(write.code).toBe(0);
    expect(write.stdout).toMatch(new RegExp(`^${count + 1} pages updated\\n$`, "m"));
    expect(readFileSync(page(7), "utf8")).toBe(
      '# Page 7\n\n> Say hello:\n>\n> ```ts example=greeting.hello\n> import { greet, type Greeting } from "./lib/greet.ts";\n>\n> const greeting: Greeting = greet("docs");\n> console.log(greeting.text);\n> ```\n',
    );
    expect(readFileSync(path.join(root, "docs", "guide.md"), "utf8")).toContain("```text example-output=greeting.hello\nHello, docs!\n```");
  });

  it("then finds every page up to date, and names the one page a writer edits", async () => {
    expect(await exemplar(root, "splice", "--check")).toMatchObject({ code: 0, stdout: `${count + 2} pages up to date\n` });
    writeFileSync(page(123), readFileSync(page(123), "utf8").replace("console.log(greeting.text);", "console.log(greeting);"));
    const stale = await exemplar(root, "splice", "--check");
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("--- a/docs/many/123.md\n+++ b/docs/many/123.md\n");
    expect(stale.stdout).toMatch(/^-> console\.log\(greeting\);\n\+> console\.log\(greeting\.text\);$/m);
    expect(stale.stdout).toMatch(/1 page is stale: run `exemplar splice --write`/);
  });
});
