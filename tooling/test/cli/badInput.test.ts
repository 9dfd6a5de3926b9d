import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyCorpus } from "../support/corpus.ts";
import { runCli } from "../support/captureIo.ts";

// `exemplar check` in copies of the `bad-input` corpus: a tag typo in bad.ts beside two good
// files, each file's top level writing a file named after it into the folder
// EXEMPLAR_TEST_MARKER_DIR names. The CLI runs in this process and its workers take that
// variable from this process's environment: these runs must not overlap
const copies: Array<{ remove: () => void }> = [];
const fresh = () => {
  const copy = copyCorpus("bad-input");
  copies.push(copy);
  return copy.root;
};
afterAll(() => copies.forEach((copy) => copy.remove()));

/** Runs the CLI with a fresh marker folder, and gives the markers the run's code wrote. */
async function checkWithMarkers(argv: string[], root: string) {
  const markers = mkdtempSync(path.join(tmpdir(), "exemplar-markers-"));
  const before = process.env.EXEMPLAR_TEST_MARKER_DIR;
  process.env.EXEMPLAR_TEST_MARKER_DIR = markers;
  try {
    // the workers are closed when runCli returns: nothing can write a marker after it
    const run = await runCli(argv, root);
    return { run, markers: readdirSync(markers).sort() };
  } finally {
    if (before === undefined) delete process.env.EXEMPLAR_TEST_MARKER_DIR;
    else process.env.EXEMPLAR_TEST_MARKER_DIR = before;
    rmSync(markers, { recursive: true, force: true });
  }
}

describe("exemplar check on bad input", () => {
  it("stops everything before any of the user's code runs", async () => {
    const { run, markers } = await checkWithMarkers(["check", "--jobs", "2"], fresh());
    expect(run).toEqual({
      code: 2,
      stdout: "examples/bad.ts:10:4: unknown tag @expet; did you mean @expect?\n\nFound 1 problem in the example files; no example ran.\n",
      stderr: "",
    });
    expect(markers).toEqual([]);
  }, 60_000);

  it("runs every file's top level once the typo is fixed, so that the markers can tell", async () => {
    const root = fresh();
    const bad = path.join(root, "examples", "bad.ts");
    writeFileSync(bad, readFileSync(bad, "utf8").replace("@expet", "@expect"));
    const { run, markers } = await checkWithMarkers(["check", "--jobs", "2"], root);
    expect(run).toEqual({ code: 0, stdout: "Docs: no folder at docs/, so no page was checked; set `docs` in exemplar.config.ts (`docs: \".\"` for a README at the root) or pass --docs DIR\nExamples: 3 passed, 0 failed\n", stderr: "" });
    expect(markers).toEqual(["bad", "marker1", "marker2"]);
  }, 60_000);
});
