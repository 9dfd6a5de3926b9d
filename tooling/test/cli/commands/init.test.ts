import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../support/captureIo.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "exemplar-init-"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "lib", type: "module" }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("exemplar init", () => {
  it("sets up a project whose example passes and whose page splices, and says what to run next", async () => {
    const init = await runCli(["init"], root);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("create exemplar.config.ts");
    expect(init.stdout).toContain("create .github/workflows/docs.yml");
    expect(init.stdout).toMatch(/\nNext:\n {2}npx exemplar check .*\n {2}npx exemplar splice --write .*\n {2}git add .*\n$/);
    const check = await runCli(["check"], root);
    expect(check.stdout, check.stdout + check.stderr).toContain("Docs: 1 page, 2 keyed blocks\nExamples: 1 passed, 0 failed\n");
    expect((await runCli(["splice", "--write"], root)).code).toBe(0);
    expect(read("docs/index.md")).toContain("```text example-output=hello.world\nHello, world!\n2 + 3 = 5\n```");
  });

  it("writes nothing the second time, and never overwrites a file", async () => {
    writeFileSync(path.join(root, "exemplar.config.ts"), "export default {};\n");
    const first = await runCli(["init"], root);
    expect(first.stdout).toContain("skip exemplar.config.ts");
    expect(read("exemplar.config.ts")).toBe("export default {};\n");
    const again = await runCli(["init"], root);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^create/m);
    expect(again.stdout).toContain("Nothing to write: Exemplar is set up here.\n");
  });

  it("--readme adds the example's blocks to the end of the README, once", async () => {
    writeFileSync(path.join(root, "README.md"), "# lib\n\nA library.\n");
    await runCli(["init", "--readme"], root);
    await runCli(["init", "--readme"], root);
    expect(read("README.md").match(/example=hello\.world/g)).toHaveLength(1);
    expect(existsSync(path.join(root, "docs"))).toBe(false);
    expect((await runCli(["check"], root)).stdout).toContain("Examples: 1 passed, 0 failed");
  });

  it("--dry-run writes nothing", async () => {
    const dry = await runCli(["init", "--dry-run"], root);
    expect(dry.stdout).toContain("would create examples/hello.ts");
    expect(existsSync(path.join(root, "examples"))).toBe(false);
  });
});
