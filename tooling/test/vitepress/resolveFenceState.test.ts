import { describe, expect, it } from "vitest";
import type { Example } from "../../src/records/Example.ts";
import type { Verdict } from "../../src/records/Verdict.ts";
import type { SiteState } from "../../src/vitepress/mergeRun.ts";
import { resolveFenceState } from "../../src/vitepress/resolveFenceState.ts";

const example = { key: "greet.hello", file: "examples/greet.ts", line: 4 } as Example;
const verdict = (status: Verdict["status"], failures: Verdict["failures"] = [], stderr = ""): Verdict => ({
  example, status, failures, warnings: [],
  result: { key: "greet.hello", status: "returned", stdout: "hello\n", stderr, durationMs: 1, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] },
});
const site = (...verdicts: Verdict[]) => ({ verdicts: new Map(verdicts.map((one) => [one.example.key, one])), context: { examples: [example] } }) as unknown as SiteState;
const revision = { commit: "0123456789abcdef0123456789abcdef01234567", date: "2025-06-01T09:30:00+02:00", localChanges: false };
const links = { place: { prefix: "site/", webUrl: "https://github.com/org/repo" } };

describe("resolveFenceState", () => {
  it("verifies a block whose example passed, with the commit it ran at and its source line at that commit", () => {
    expect(resolveFenceState(site(verdict("passed")), "example-output=greet.hello", { revision, links })).toEqual({
      kind: "output", key: "greet.hello", status: "verified", revision,
      source: { place: "examples/greet.ts:4", url: "https://github.com/org/repo/blob/0123456789abcdef0123456789abcdef01234567/site/examples/greet.ts#L4" },
    });
  });

  it("never verifies a block with a problem, even when its example's last verdict passed (its file no longer parses)", () => {
    const state = resolveFenceState(site(verdict("passed")), "example=greet.hello", { problem: "examples/greet.ts has problems", revision, links });
    expect(state).toMatchObject({ kind: "code", status: "failed", problem: "examples/greet.ts has problems" });
    expect(state.revision).toBeUndefined();
  });

  it("fails a block whose example failed, with its reasons and stderr", () => {
    const failed = verdict("failed", [{ kind: "stdout", message: "stdout does not match @expect", diff: "-a\n+b", expectation: { kind: "contains", text: "a", line: 3 } }], "oops\n");
    expect(resolveFenceState(site(failed), "example=greet.hello", { revision, links })).toEqual({
      kind: "code", key: "greet.hello", status: "failed", failures: [{ message: "stdout does not match @expect", diff: "-a\n+b" }], stderr: "oops",
      source: { place: "examples/greet.ts:4", url: expect.stringContaining("#L4") },
    });
  });

  it("leaves unverified a block whose example was skipped or did not run", () => {
    const skipped = { ...verdict("skipped"), example: { ...example, skip: "needs a GPU" } };
    const state = site(skipped);
    (state.context.examples as Example[])[0] = skipped.example;
    expect(resolveFenceState(state, "example=greet.hello", { links: {} })).toEqual({ kind: "code", key: "greet.hello", status: "unverified", skipped: "needs a GPU", source: { place: "examples/greet.ts:4" } });
    expect(resolveFenceState(site(), "example=greet.hello", { links: {} }).status).toBe("unverified");
  });
});
