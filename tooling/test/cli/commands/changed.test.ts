import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../support/captureIo.ts";
import { git } from "../../vitepress/gitFixture.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** a git repository on `main`: a.ts imports a helper that imports another file; b.ts imports nothing */
function repository() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-changed-"));
  roots.push(root);
  const example = (key: string) => `/**\n * @example ${key}\n * @expect\n * ${key}\n */\nexport function ${key.split(".")[1]}() { console.log("${key}" + deep); }\n`;
  const files: Record<string, string> = {
    "package.json": '{ "type": "module" }',
    "exemplar.config.ts": 'export default { examples: ["examples/*.ts"] };\n',
    "examples/a.ts": `import { deep } from "./helper.ts";\n${example("a.one")}${example("a.two")}`,
    "examples/helper.ts": 'export { deep } from "./deep.ts";\n',
    "examples/deep.ts": 'export const deep = "";\n',
    "examples/b.ts": `const deep = "";\n${example("b.one")}`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  git(root, "init", "--quiet", "--initial-branch=main");
  git(root, "add", "--all");
  git(root, "commit", "--quiet", "--no-gpg-sign", "-m", "start");
  return root;
}
/** the keys a JSON report ran */
const ran = async (root: string, ...args: string[]) => {
  const run = await runCli(["check", "--reporter", "json", ...args], root);
  return { keys: (JSON.parse(run.stdout) as { examples: Array<{ key: string }> }).examples.map((example) => example.key), stderr: run.stderr };
};

describe("exemplar check --changed", () => {
  it("runs only the examples whose file or a file it imports, through another, changed since the default branch", async () => {
    const root = repository();
    expect((await ran(root, "--changed")).keys).toEqual([]);
    appendFileSync(path.join(root, "examples/deep.ts"), "// changed\n");
    const since = await ran(root, "--changed");
    expect(since.keys).toEqual(["a.one", "a.two"]);
    expect(since.stderr).toMatch(/^exemplar: --changed since [0-9a-f]{12}: 2 of 3 examples affected$/m);
  }, 60_000);

  it("compares with the commit it is given, untracked files included", async () => {
    const root = repository();
    writeFileSync(path.join(root, "examples/c.ts"), '/**\n * @example c.one\n * @expect\n * c\n */\nexport function one() { console.log("c"); }\n');
    git(root, "add", "--all");
    git(root, "commit", "--quiet", "--no-gpg-sign", "-m", "c");
    expect((await ran(root, "--changed", "HEAD~1")).keys).toEqual(["c.one"]);
    writeFileSync(path.join(root, "examples/d.ts"), '/**\n * @example d.one\n * @expect\n * d\n */\nexport function one() { console.log("d"); }\n');
    expect((await ran(root, "--changed=HEAD")).keys).toEqual(["d.one"]);
  }, 60_000);

  it("runs every example when the config changed, and says which commit it cannot find", async () => {
    const root = repository();
    appendFileSync(path.join(root, "exemplar.config.ts"), "// changed\n");
    expect((await ran(root, "--changed")).keys).toEqual(["a.one", "a.two", "b.one"]);
    const missing = await runCli(["check", "--changed", "nope"], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--changed nope: no such commit, branch or tag");
  }, 60_000);
});
