import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, test, vi } from "vitest";
import { parseExampleSource } from "../../../src/find/parseExampleSource.ts";
import { runCli } from "../../support/captureIo.ts";
import { fixtures } from "../../splice/fixtureContext.ts";

// counted: the stages share one project, so each command parses each example file once
vi.mock("../../../src/find/parseExampleSource.ts", async (original) => {
  const actual = await original<typeof import("../../../src/find/parseExampleSource.ts")>();
  return { ...actual, parseExampleSource: vi.fn(actual.parseExampleSource) };
});

const root = mkdtempSync(path.join(tmpdir(), "exemplar-parses-once-"));
cpSync(path.join(fixtures, "project"), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  vi.mocked(parseExampleSource).mockClear();
});

const parsesByFile = () => {
  const counts: Record<string, number> = {};
  for (const [file] of vi.mocked(parseExampleSource).mock.calls) counts[file] = (counts[file] ?? 0) + 1;
  return counts;
};

test.each([
  // runs every example, then checks the docs' blocks against the same run
  ["check", ["check"]],
  // runs the examples whose output a page shows, then splices
  ["splice --check", ["splice", "--check"]],
  ["list", ["list"]],
])("%s parses each example file once", async (_name, argv) => {
  const run = await runCli(argv, root);
  expect(run.stderr).not.toMatch(/unexpected error/);
  expect(parsesByFile()).toEqual({ "examples/greeting.ts": 1, "examples/lib/greet.ts": 1 });
});
