import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.ts";
import { parseExamples } from "../../src/project/parseExamples.ts";
import { readProject } from "../../src/project/readProject.ts";
import { formatProblem } from "../../src/records/Problem.ts";

const repository = fileURLToPath(new URL("../../..", import.meta.url));

// `exemplar check` only warns of these (without --strict), and CI runs it without: this keeps
// the project's own pages honest, every snippet a reader copies runnable as shown
it("the project's own examples: every shown snippet stands alone", async () => {
  const project = parseExamples(await readProject(await loadConfig(repository), { pages: false }));
  expect(project.examples.length).toBeGreaterThan(40);
  expect(project.standAlone.map(formatProblem)).toEqual([]);
});
