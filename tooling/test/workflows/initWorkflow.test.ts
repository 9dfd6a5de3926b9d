// The workflow `exemplar init` writes is one GitHub accepts (action-validator), with a VitePress
// site and without, and it names no repository: init cannot know where Exemplar's lives, so it
// writes no `uses:` of the reusable workflow that could fail to resolve. Its job has a timeout.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { workflowTemplate } from "../../src/init/initTemplates.ts";
import { keysUnder, validate } from "./readWorkflow.ts";

describe("the workflow exemplar init writes", () => {
  test.each([
    // a VitePress site: the workflow builds it
    [true, "docs"],
    // a README at the root: the workflow checks the spliced Markdown
    [false, "."],
  ])("action-validator accepts it (vitepress %s, docs %s)", async (vitepress, docs) => {
    const dir = await mkdtemp(join(tmpdir(), "exemplar-init-workflow-"));
    try {
      const text = workflowTemplate(vitepress, docs);
      await writeFile(join(dir, "docs.yml"), text);
      expect(await validate(join(dir, "docs.yml"))).toBe("");
      expect(text).not.toMatch(/^\s*uses: (?!actions\/)/m);
      expect(text).toContain("Previews and publishing");
      // its one job has a timeout, well under GitHub's default of 360 minutes
      expect([...keysUnder(text, "jobs:").keys()]).toEqual(["docs"]);
      expect(text).toMatch(/^ {2}docs:\n(?: {4}.*\n)*? {4}timeout-minutes: 20\n/m);
      // the result cache is restored before the check, keyed as the reusable workflow keys it
      expect(text).toContain("      - uses: actions/cache@v4\n        with:\n          path: .exemplar-cache\n          key: exemplar-results-${{ runner.os }}-${{ github.sha }}\n          restore-keys: exemplar-results-${{ runner.os }}-\n");
      expect(text.indexOf("actions/cache@v4")).toBeLessThan(text.indexOf("npx exemplar check"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
