import { expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import { corpus } from "../support/corpus.ts";

// a thrown value that resists being described fails its own example as "threw", not as a
// timeout, and the examples around it get their verdicts
test.each([
  { mode: "jobs 1", jobs: 1, reversed: false },
  { mode: "jobs 2", jobs: 2, reversed: false },
  { mode: "jobs 2, examples in reverse order", jobs: 2, reversed: true },
])("every example of the hostile-throws corpus gets its exact verdict ($mode)", async ({ jobs, reversed }) => {
  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs }, corpus("hostile-throws")), { pages: false });
  const run = await runExamples(reversed ? { ...project, examples: [...project.examples].reverse() } : project);
  if (reversed) run.verdicts.reverse();
  expect(run.verdicts.map((verdict) => [verdict.example.key, verdict.status, verdict.failures.map((failure) => `${failure.kind}: ${failure.message}`)])).toEqual([
    ["good.before", "passed", []],
    ["hostile.proxy", "failed", ["threw: threw object: a value that cannot be inspected (a Proxy whose traps throw)"]],
    ["hostile.message-getter", "failed", ["threw: threw Error: (its message could not be read: reading it threw)"]],
    ["hostile.huge-message", "passed", []],
    ["good.after", "passed", []],
  ]);
}, 60_000);
