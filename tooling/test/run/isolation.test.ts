import { expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import { corpus } from "../support/corpus.ts";

// what one example does to its process (changes a global, leaves a timer that ends the worker,
// runs bad top-level code) is its own verdict, or its file's, and never a neighbour's: every
// example gets the same verdict whichever worker runs it and whatever ran there before

const corpora = ["isolation-globals", "isolation-toplevel", "isolation-stray", "isolation-module-late"];

// runInWorkers groups examples by file and sorts the groups by size, stably: every file of
// these corpora holds as many examples as the others, so reversing the examples reverses the
// order in which files reach the workers (and which files share one), and the order of the
// examples inside each file
const modes = [
  { mode: "jobs 1", jobs: 1, reversed: false },
  { mode: "jobs 2", jobs: 2, reversed: false },
  { mode: "jobs 2, examples in reverse order", jobs: 2, reversed: true },
];

type Row = [key: string, status: string, failures: unknown[], lateOutput: string];

/**
 * Runs a corpus and gives one row per example, sorted by key so that every mode expects the
 * same table: its key, its status, its failures as `kind: message`, and what it wrote after it
 * settled. Late output only warns (see checkExample), one warning per piece, naming the example:
 * checked here for every example, so that the tables need only its text, which comes in as many
 * pieces as the worker's event loop turns it took.
 */
async function verdictsOf(name: string, { jobs, reversed }: { jobs: number; reversed: boolean }): Promise<Row[]> {
  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs }, corpus(name)), { pages: false });
  const run = await runExamples(reversed ? { ...project, examples: [...project.examples].reverse() } : project);
  for (const verdict of run.verdicts) {
    const { key } = verdict.example;
    expect.soft(verdict.warnings, key).toEqual(verdict.result.lateOutput.map((text) => `${key} wrote after it settled (a timer or callback outlived it): ${JSON.stringify(text.trimEnd())}`));
  }
  return run.verdicts
    .map((verdict): Row => [verdict.example.key, verdict.status, verdict.failures.map((failure) => `${failure.kind}: ${failure.message}`), verdict.result.lateOutput.join("")])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const passed = (key: string, lateOutput = ""): Row => [key, "passed", [], lateOutput];
const failed = (key: string, ...failures: RegExp[]): Row => [key, "failed", failures.map((failure) => expect.stringMatching(failure)), ""];

test.each(corpora)("every file of %s holds as many examples as the others, so that reversing them matters", async (name) => {
  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"] }, corpus(name)), { pages: false });
  const counts = new Map<string, number>();
  for (const example of project.examples) counts.set(example.file, (counts.get(example.file) ?? 0) + 1);
  expect(counts.size).toBeGreaterThan(3);
  expect(new Set(counts.values()).size).toBe(1);
});

// each polluter prints its expected output before it changes the process, so it passes; its
// worker runs nothing after it, so every other example, in its file or not, sees a clean process
test.each(modes)("an example that changes globals passes and leaves them clean for the others ($mode)", async (mode) => {
  expect(await verdictsOf("isolation-globals", mode)).toEqual([
    passed("array-map.after"),
    passed("array-map.before"),
    passed("array-map.pollutes"), // Array.prototype.map returns []
    passed("chdir.after"),
    passed("chdir.before"),
    passed("chdir.pollutes"), // process.chdir("/")
    passed("console-log.after"),
    passed("console-log.before"),
    passed("console-log.pollutes"), // console.log prints nothing
    passed("env.after"),
    passed("env.before"),
    passed("env.pollutes"), // sets EXEMPLAR_ISOLATION_LEAK
    passed("good.first"),
    passed("good.second"),
    passed("good.third"),
    passed("stdout-write.after"),
    passed("stdout-write.before"),
    passed("stdout-write.pollutes"), // process.stdout.write drops its text
    passed("toplevel.first"), // its file sets EXEMPLAR_ISOLATION_LEAK as it loads
    passed("toplevel.second"),
    passed("toplevel.third"),
  ]);
}, 90_000);

// the file is to blame: each of its examples fails with how its top level ended, naming it
test.each(modes)("a file whose top level hangs, kills, exits or throws fails its own examples only ($mode)", async (mode) => {
  expect(await verdictsOf("isolation-toplevel", mode)).toEqual([
    failed("exit.first", /^exit: [\s\S]*examples\/exit\.ts/), // process.exit(3)
    failed("exit.second", /^exit: [\s\S]*examples\/exit\.ts/),
    passed("good1.first"),
    passed("good1.second"),
    passed("good2.first"),
    passed("good2.second"),
    failed("hang.first", /^timeout: [\s\S]*examples\/hang\.ts/), // while (true) {}, @timeout 1500
    failed("hang.second", /^timeout: [\s\S]*examples\/hang\.ts/),
    failed("kill.first", /^crashed: [\s\S]*examples\/kill\.ts/), // SIGKILL
    failed("kill.second", /^crashed: [\s\S]*examples\/kill\.ts/),
    failed("throws.first", /^threw: [\s\S]*examples\/throws\.ts/), // throw new Error("bad top level")
    failed("throws.second", /^threw: [\s\S]*examples\/throws\.ts/),
  ]);
}, 90_000);

// what an example leaves behind is its own failure, found after it returned; the example that
// runs next (in its file, or another's) passes
test.each(modes)("an example that leaves a timer behind answers for what the timer does ($mode)", async (mode) => {
  expect(await verdictsOf("isolation-stray", mode)).toEqual([
    passed("exit.after"),
    failed("exit.stray", /^left-running: /), // process.exit(4)
    passed("good1.quick"),
    passed("good1.slow"),
    passed("good2.quick"),
    passed("good2.slow"),
    passed("interval.after"),
    passed("interval.stray", "tick\n".repeat(5)), // late output only warns
    passed("kill.after"),
    failed("kill.stray", /^left-running: /), // SIGKILL
    passed("loop.after"),
    failed("loop.stray", /^left-running: /), // while (true) {}
    passed("rejection.after"),
    failed("rejection.stray", /^unhandled-rejection: .*late rejection/),
    passed("throw.after"),
    failed("throw.stray", /^uncaught-exception: .*late throw/),
  ]);
}, 90_000);

// a timer that a module's top level starts answers to that file's examples, all of them:
// an exception fails them, output warns on them; the other files' examples are untouched
test.each(modes)("a module's own timer answers to its file's examples ($mode)", async (mode) => {
  expect(await verdictsOf("isolation-module-late", mode)).toEqual([
    passed("good1.quick"),
    passed("good1.slow"),
    passed("good2.quick"),
    passed("good2.slow"),
    passed("output.first", "module late output\n"),
    passed("output.second", "module late output\n"),
    failed("throw.first", /^uncaught-exception: .*module timer throw/),
    failed("throw.second", /^uncaught-exception: .*module timer throw/),
  ]);
}, 90_000);
