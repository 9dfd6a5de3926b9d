import type { Expectation } from "../records/Example.ts";
import { didYouMean } from "./didYouMean.ts";
import type { DocTag } from "./parseDocComment.ts";
import { parseRegex } from "./parseRegex.ts";

/** The tags an example may carry. */
export const exampleTags = [
  "example",
  "expect",
  "expectUnordered",
  "expectContains",
  "expectMatch",
  "expectError",
  "timeout",
  "skip",
  "noCache",
] as const;

/** The longest timeout Node's timers keep, in milliseconds (2^31 - 1). */
export const maxTimeout = 2_147_483_647;

/** Ordinary JSDoc/TSDoc tags, allowed beside ours and ignored. */
const documentationTags = new Set([
  "param", "returns", "return", "see", "remarks", "deprecated", "since", "throws", "author",
  "todo", "typeParam", "template", "internal", "link", "privateRemarks", "defaultValue", "public",
]);

export interface TagProblem {
  message: string;
  line: number;
  column: number;
}

export interface ParsedExpectations {
  expectations: Expectation[];
  timeout?: number;
  skip?: string;
  /** `@noCache`: the example depends on something its inputs do not name (see exampleInputs) */
  noCache?: true;
  problems: TagProblem[];
}

/**
 * Reads the expectation tags of one example; every problem found is listed, none is thrown.
 * `inline`: the example's body checks values with `//=>` (see findInlineResults), which is an
 * assertion of its own.
 */
export function parseExpectations(tags: readonly DocTag[], { inline = false }: { inline?: boolean } = {}): ParsedExpectations {
  const expectations: Expectation[] = [];
  const problems: TagProblem[] = [];
  const result: ParsedExpectations = { expectations, problems };
  const problem = (tag: DocTag, message: string) => problems.push({ message, line: tag.line, column: tag.column });

  for (const tag of tags) {
    switch (tag.name) {
      case "example":
        if (tags.find((other) => other.name === "example") !== tag) {
          problem(tag, `a second @example on one function: a function is one example; export another function for \`${tag.value}\``);
        }
        break;
      case "expect":
      case "expectUnordered": {
        if (expectations.some((other) => other.kind === (tag.name === "expect" ? "exact" : "unordered"))) {
          problem(tag, `more than one @${tag.name}: write all expected lines under a single tag`);
          break;
        }
        const body = [...tag.body];
        while (body.length > 0 && body.at(-1)!.text.trim() === "") body.pop();
        const lines = body.map((line) => line.text.trimEnd());
        if (tag.value) lines.unshift(tag.value);
        expectations.push({
          kind: tag.name === "expect" ? "exact" : "unordered",
          lines,
          line: tag.line,
          startLine: tag.line + 1,
          endLine: body.at(-1)?.line ?? tag.line,
        });
        break;
      }
      case "expectContains":
        if (!tag.value) problem(tag, "@expectContains needs the text to find, on the same line");
        else expectations.push({ kind: "contains", text: tag.value, line: tag.line });
        rejectBody(tag, problem);
        break;
      case "expectMatch": {
        const pattern = parseRegex(tag.value);
        if (typeof pattern === "string") problem(tag, `@expectMatch: ${pattern}`);
        else expectations.push({ kind: "match", source: tag.value, pattern, line: tag.line });
        rejectBody(tag, problem);
        break;
      }
      case "expectError": {
        if (expectations.some((other) => other.kind === "error")) {
          problem(tag, "more than one @expectError: an example throws once");
          break;
        }
        if (!tag.value) {
          problem(tag, "@expectError needs the expected message: text it contains, or /regex/");
        } else if (tag.value.startsWith("/")) {
          const pattern = parseRegex(tag.value);
          if (typeof pattern === "string") problem(tag, `@expectError: ${pattern}`);
          else expectations.push({ kind: "error", source: tag.value, pattern, line: tag.line });
        } else {
          expectations.push({ kind: "error", source: tag.value, line: tag.line });
        }
        rejectBody(tag, problem);
        break;
      }
      case "timeout": {
        const timeout = Number(tag.value);
        if (!/^\d+$/.test(tag.value) || timeout <= 0) {
          problem(tag, `@timeout expects a positive number of milliseconds, got \`${tag.value}\``);
        } else if (timeout > maxTimeout) {
          // Node's timers take at most 2^31 - 1 ms and turn a longer one into 1 ms
          problem(tag, `@timeout ${tag.value} is longer than the longest timer Node keeps (${maxTimeout} ms, about 24.8 days)`);
        } else {
          result.timeout = timeout;
        }
        break;
      }
      case "skip":
        result.skip = tag.value || "skipped";
        break;
      case "noCache":
        if (tag.value !== "") problem(tag, `@noCache takes no value, got \`${tag.value}\``);
        else result.noCache = true;
        break;
      default: {
        if (documentationTags.has(tag.name)) break;
        const suggestion = didYouMean(tag.name, exampleTags);
        problem(
          tag,
          `unknown tag @${tag.name}` +
            (suggestion ? `; did you mean @${suggestion}?` : `; expected one of ${exampleTags.map((name) => `@${name}`).join(", ")}`),
        );
      }
    }
  }
  if (expectations.length === 0 && problems.length === 0 && !inline) {
    problems.push({
      message: "an example must assert something: add @expect, @expectUnordered, @expectContains, @expectMatch or @expectError, or a `//=> VALUE` comment after an expression statement",
      line: tags.find((tag) => tag.name === "example")?.line ?? 0,
      column: tags.find((tag) => tag.name === "example")?.column ?? 1,
    });
  }
  return result;
}

function rejectBody(tag: DocTag, problem: (tag: DocTag, message: string) => void) {
  const extra = tag.body.find((line) => line.text.trim() !== "");
  if (extra) {
    problem(
      { ...tag, line: extra.line, column: 1 },
      `@${tag.name} takes one line; repeat the tag for another value, or use @expect for several lines`,
    );
  }
}
