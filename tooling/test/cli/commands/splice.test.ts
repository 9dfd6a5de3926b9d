import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { CommandIo } from "../../../src/cli/Command.ts";
import { spliceCommand } from "../../../src/cli/commands/splice.ts";
import { fixtures } from "../../splice/fixtureContext.ts";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "exemplar-splice-"));
  cpSync(path.join(fixtures, "project"), root, { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs `exemplar splice ...argv` in the temporary project, capturing what it prints. */
async function splice(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = { cwd: root, env: {}, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTTY: false };
  const code = await spliceCommand.run(argv, io);
  return { code, stdout, stderr };
}

const read = (file: string) => readFileSync(path.join(root, file), "utf8");

test("--check exits 1 with a diff; --write updates the page; --check then exits 0", async () => {
  const original = read("docs/guide.md");
  const index = read("docs/index.md");

  const check = await splice("--check");
  expect(check.code).toBe(1);
  expect(check.stdout).toContain("--- a/docs/guide.md\n+++ b/docs/guide.md\n");
  expect(check.stdout).toMatch(/^-stale$/m);
  expect(check.stdout).toMatch(/^\+Hello, docs!$/m);
  expect(check.stdout).toMatch(/1 page is stale: run `exemplar splice --write`/);
  expect(check.stderr).toMatch(/^docs\/guide\.md:20:1: warning: untested `ts` snippet/m);
  expect(check.stderr).toMatch(/^examples\/greeting\.ts:21: warning: example `greeting\.fails` is not shown on any page/m);
  expect(read("docs/guide.md")).toBe(original);

  const write = await splice("--write");
  expect(write).toMatchObject({ code: 0, stdout: "updated docs/guide.md\n1 page updated\n" });
  expect(read("docs/guide.md")).toBe(original.replace(
    "```ts example=greeting.hello {2}\nstale\n```\n\nIt prints:\n\n```text example-output=greeting.hello\n```",
    [
      "```ts example=greeting.hello {2}",
      'import { greet, type Greeting } from "./lib/greet.ts";',
      "",
      'const greeting: Greeting = greet("docs");',
      "console.log(greeting.text);",
      "```",
      "",
      "It prints:",
      "",
      "```text example-output=greeting.hello",
      "Hello, docs!",
      "```",
    ].join("\n"),
  ));
  expect(read("docs/index.md")).toBe(index);

  const again = await splice("--check");
  expect(again.code).toBe(0);
  expect(again.stdout).toBe("2 pages up to date\n");
});

test("a page with an error is not written, and each error names its file:line", async () => {
  const original = read("docs-broken/broken.md");
  const result = await splice("--write", "--docs", "docs-broken");
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^docs-broken\/broken\.md:7: error: `example-output=greeting\.fails`: example examples\/greeting\.ts:21 failed in this run/m);
  expect(result.stderr).toMatch(/^docs-broken\/broken\.md:10: error: unknown example key in `example=greeting\.helo`: did you mean `greeting\.hello`\?$/m);
  expect(result.stderr).toMatch(/^docs-broken\/broken\.md: not written: 2 errors$/m);
  expect(result.stdout).toBe("0 pages updated; 2 errors\n");
  expect(read("docs-broken/broken.md")).toBe(original);
});

test("--strict makes untested snippets and orphans errors; --examples narrows the examples", async () => {
  const strict = await splice("--check", "--strict");
  expect(strict.code).toBe(1);
  expect(strict.stderr).toMatch(/^docs\/guide\.md:20:1: error: untested `ts` snippet/m);
  expect(strict.stderr).toMatch(/^examples\/greeting\.ts:21: error: example `greeting\.fails` is not shown/m);

  const none = await splice("--check", "--examples", "examples/lib/*.ts");
  expect(none.code).toBe(1);
  expect(none.stderr).toMatch(/^docs\/guide\.md:9: error: unknown example key in `example=greeting\.hello`: no @example has this key$/m);
});

test("a shown snippet that uses a name only a hidden line declares: a warning at the page's block, an error with --strict", async () => {
  writeFileSync(path.join(root, "examples/hidden.ts"), ["/**", " * @example hidden.dir", " * @expect /tmp", " */", "export function usesDir() {", '  const dir = "/tmp"; // hide', "  console.log(dir);", "}", ""].join("\n"));
  writeFileSync(path.join(root, "docs/hidden.md"), ["# Hidden", "", "```ts example=hidden.dir", "```", ""].join("\n"));
  const message = "`example=hidden.dir`: the shown snippet of `hidden.dir` uses `dir`, which only a hidden line declares (line 6); show its declaration or pass it in (examples/hidden.ts:7)";
  const warned = await splice("--check");
  expect(warned.stderr).toContain(`docs/hidden.md:3: warning: ${message}\n`);
  const strict = await splice("--write", "--strict");
  expect(strict.code).toBe(1);
  expect(strict.stderr).toContain(`docs/hidden.md:3: error: ${message}\n`);
  expect(read("docs/hidden.md")).toContain("console.log(dir);");
});

test("usage errors", async () => {
  await expect(splice("--write", "--check")).rejects.toMatchObject({ code: "EXEMPLAR_USAGE", message: /--write and --check cannot be used together/ });
  await expect(splice("--wirte")).rejects.toMatchObject({ code: "EXEMPLAR_USAGE", message: /did you mean --write\?/ });
  await expect(splice("--docs", "nowhere")).rejects.toMatchObject({ code: "EXEMPLAR_DOCS_NOT_FOUND", message: /docs folder not found: .*nowhere/ });
});

test("a committed page whose example's output differs only in its {...} spans stays as committed: --check passes, --write changes nothing", async () => {
  writeFileSync(path.join(root, "examples/volatile.ts"), [
    "/**",
    " * @example greeting.volatile",
    " * @expect",
    " * saved model {...}",
    " */",
    "export function volatile() {",
    "  console.log(`saved model ${crypto.randomUUID()}`);",
    "}",
    "",
  ].join("\n"));
  writeFileSync(path.join(root, "docs/volatile.md"), "# Volatile\n\n```ts example=greeting.volatile\n```\n\n```text example-output=greeting.volatile\n```\n");
  expect((await splice("--write")).code).toBe(0);
  const committed = read("docs/volatile.md");
  expect(committed).toMatch(/^saved model [0-9a-f-]{36}$/m);

  // each run prints another id: the page shows the one it was committed with
  expect(await splice("--check")).toMatchObject({ code: 0 });
  expect(await splice("--write")).toMatchObject({ code: 0, stdout: "0 pages updated\n" });
  expect(read("docs/volatile.md")).toBe(committed);

  // a change outside the spans is shown
  writeFileSync(path.join(root, "examples/volatile.ts"), read("examples/volatile.ts").replaceAll("saved model", "stored model"));
  expect(await splice("--check")).toMatchObject({ code: 1 });
  await splice("--write");
  expect(read("docs/volatile.md")).toMatch(/^stored model [0-9a-f-]{36}$/m);
});
