// The caller of the reusable workflow that the docs show another repository: a workflow GitHub
// accepts (action-validator), passing only inputs and secrets that exemplar.yml declares, with
// a job of about ten lines; use-in-your-project.md shows the same job.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, WORKFLOWS, keysUnder, validate } from "./readWorkflow.ts";

const reusable = readFileSync(join(WORKFLOWS, "exemplar.yml"), "utf8");

/** The yaml blocks of a page that call the reusable workflow. */
function callers(page: string): string[] {
  const text = readFileSync(join(ROOT, "docs/guide", page), "utf8");
  return [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map(([, block]) => block!).filter((block) => block.includes("/.github/workflows/exemplar.yml@"));
}

const [caller, ...more] = callers("publishing.md");

describe("the caller in docs/guide/publishing.md", () => {
  test("is there, once", () => {
    expect(caller).toBeDefined();
    expect(more).toEqual([]);
  });

  test("action-validator accepts it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exemplar-caller-"));
    try {
      await writeFile(join(dir, "docs.yml"), caller!);
      expect(await validate(join(dir, "docs.yml"))).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("runs on what publishing needs: closed pull requests too, and pushes to main", () => {
    expect(caller).toMatch(/^on:\n {2}pull_request:\n {4}types: \[opened, synchronize, reopened, closed\]\n {2}push:\n {4}branches: \[main\]\n/m);
  });

  test("passes only inputs and secrets that exemplar.yml declares, and the right to comment", () => {
    const declared = keysUnder(reusable, "    inputs:");
    const declaredSecrets = keysUnder(reusable, "    secrets:");
    expect([...keysUnder(caller!, "    with:").keys()].filter((name) => !declared.has(name))).toEqual([]);
    expect([...keysUnder(caller!, "    secrets:").keys()].sort()).toEqual([...declaredSecrets.keys()].sort());
    expect(caller).toMatch(/^ {4}permissions:\n {6}contents: read\n {6}pull-requests: write\n/m);
  });

  test("its job is about ten lines, and use-in-your-project.md shows the same job", () => {
    const job = caller!.slice(caller!.indexOf("jobs:\n"));
    expect(job.trimEnd().split("\n").length - 1).toBeLessThanOrEqual(11);
    expect(callers("use-in-your-project.md")).toEqual([job]);
  });
});
