import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, test } from "vitest";
import { matchRegexBounded, regexThreadId, regexTimeoutMs, type RegexOutcome } from "../../src/check/matchRegexBounded.ts";

// a pattern that backtracks through 2^34 paths on this text: hours, were it not bounded
const catastrophic = /(a+)+$/;
const hostileText = `${"a".repeat(34)}!`;
// a short bound for the patterns that never finish; the others get the real one
const shortBound = 200;

describe("matchRegexBounded", () => {
  test.each<[string, RegExp, string, RegexOutcome]>([
    // a plain match
    ["matches", /saved \d+ rows/, "saved 12 rows\n", "matched"],
    // a plain miss
    ["misses", /saved \d+ rows/, "saved some rows\n", "unmatched"],
    // flags are kept: case-insensitive and multiline anchors
    ["keeps i and m", /^FOUND \d+$/im, "saved\nfound 12\n", "matched"],
    // ... without m, `^` anchors at the start of the text only
    ["no m flag", /^found/, "saved\nfound 12\n", "unmatched"],
    // s lets `.` cross a line break
    ["keeps s", /saved.found/s, "saved\nfound", "matched"],
    // u makes property escapes work
    ["keeps u", /^\p{Lu}/u, "Élan", "matched"],
    // y (sticky) anchors at lastIndex 0
    ["sticky from 0", /b/y, "ab", "unmatched"],
    // the empty text
    ["empty text", /^$/, "", "matched"],
  ])("%s", (_name, pattern, text, outcome) => {
    expect(matchRegexBounded(pattern, text)).toBe(outcome);
  });

  it("matches a global regex from the start, and leaves its lastIndex alone", () => {
    const pattern = /found/g;
    pattern.lastIndex = 3;
    expect(matchRegexBounded(pattern, "found")).toBe("matched");
    expect(pattern.lastIndex).toBe(3);
  });

  it("gives up on a catastrophic pattern", () => {
    expect(matchRegexBounded(catastrophic, hostileText, shortBound)).toBe("timed-out");
  });

  it("gives up on a polynomial blow-up with no nested quantifier", () => {
    expect(matchRegexBounded(/\d*\d*\d*\d*x/, "1".repeat(2_000), shortBound)).toBe("timed-out");
  });

  it("reuses its thread from one match to the next", () => {
    expect(matchRegexBounded(/a/, "a")).toBe("matched");
    const thread = regexThreadId();
    expect(thread).toBeTypeOf("number");
    expect(matchRegexBounded(/b/, "a")).toBe("unmatched");
    expect(matchRegexBounded(/c/i, "C")).toBe("matched");
    expect(regexThreadId()).toBe(thread);
  });

  it("replaces a thread stuck in a regex with a fresh one, each time", () => {
    expect(matchRegexBounded(/a/, "a")).toBe("matched");
    const first = regexThreadId();
    expect(matchRegexBounded(catastrophic, hostileText, shortBound)).toBe("timed-out");
    expect(regexThreadId()).toBeUndefined();
    expect(matchRegexBounded(/a/, "a")).toBe("matched");
    const second = regexThreadId();
    expect(second).not.toBe(first);
    expect(matchRegexBounded(catastrophic, hostileText, shortBound)).toBe("timed-out");
    expect(matchRegexBounded(catastrophic, hostileText, shortBound)).toBe("timed-out");
    expect(matchRegexBounded(/^a+$/, "aaa")).toBe("matched");
    expect(regexThreadId()).not.toBe(second);
  });

  it("answers every one of many checks in a row", () => {
    const outcomes = Array.from({ length: 2_000 }, (_, index) => matchRegexBounded(/^line (\d+)$/m, `x\nline ${index}\n`));
    expect(outcomes.every((outcome) => outcome === "matched")).toBe(true);
  });

  it("bounds a match by a second by default", () => {
    expect(regexTimeoutMs).toBe(1000);
  });
});

describe("matchRegexBounded in a process of its own", () => {
  const modulePath = fileURLToPath(new URL("../../src/check/matchRegexBounded.ts", import.meta.url));

  it("lets the process exit on its own, after a match and after a time-out", () => {
    const script = [
      `const { matchRegexBounded } = await import(${JSON.stringify(modulePath)});`,
      `console.log(matchRegexBounded(/a/, "a"));`,
      `console.log(matchRegexBounded(/(a+)+$/, "${hostileText}", ${shortBound}));`,
      `console.log(matchRegexBounded(/b/, "a"));`,
    ].join("\n");
    // a thread that kept the process alive would run into spawnSync's timeout (status null)
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(child.stderr).toBe("");
    expect({ status: child.status, stdout: child.stdout }).toEqual({ status: 0, stdout: "matched\ntimed-out\nunmatched\n" });
  }, 90_000);
});
