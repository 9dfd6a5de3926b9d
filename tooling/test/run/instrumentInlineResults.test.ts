import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findExamples } from "../../src/find/findExamples.ts";
import { inlineRecorderKey, instrumentInlineResults } from "../../src/run/instrumentInlineResults.ts";

const file = "/project/examples/t.ts";
/** an example `f` with `body`, its text with `export` blanked (so that a Function runs it), and its checks */
function instrumented(...body: string[]) {
  const text = ["/**", " * @example inline.k", " */", "export async function f() {", ...body, "}", ""].join("\n");
  const { examples, problems } = findExamples([{ file: "examples/t.ts", text }]);
  expect(problems).toEqual([]);
  const blanked = text.replace("export ", "       ");
  return { text: blanked, code: instrumentInlineResults(blanked, file, examples[0]!.inlineResults!) };
}

/** what the recorder was called with, as the worker's would be */
let recorded: unknown[][] = [];
beforeEach(() => {
  recorded = [];
  (globalThis as Record<symbol, unknown>)[inlineRecorderKey] = (...args: unknown[]) => {
    recorded.push(args.slice(0, 4).concat([args[4]]));
    return args[4];
  };
});
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[inlineRecorderKey];
});

const run = async (code: string) => {
  const logged: unknown[] = [];
  const console = { log: (value: unknown) => logged.push(value) };
  await (new Function("console", `${code}\nreturn f();`) as (c: typeof console) => Promise<void>)(console);
  return logged;
};

describe("instrumentInlineResults: the code that runs records each checked value", () => {
  it("keeps every line of the source where it was, adding one at the end", () => {
    const { text, code } = instrumented("  [1, 2].map((n) => n * 2); //=> [2, 4]", "  await Promise.resolve(5);", "  //=> 5");
    const [lines, after] = [text.split("\n"), code.split("\n")];
    expect(after).toHaveLength(lines.length + 1);
    expect(after.slice(0, 4)).toEqual(lines.slice(0, 4));
    expect(after[4]).toBe("  __exemplar$(5,([1, 2].map((n) => n * 2))); //=> [2, 4]");
    expect(after[5]).toBe("  __exemplar$(7,(await Promise.resolve(5)));");
    // the text ends with a newline: the function is the line after its last one
    expect(after.slice(6, lines.length - 1)).toEqual(lines.slice(6, -1));
    expect(after[lines.length - 1]).toMatch(/^function __exemplar\$\(line, value\) \{/);
    expect(after.at(-1)).toBe("");
  });

  it("records a statement's value, awaited when it awaits, and a logged value, which is still logged", async () => {
    const { code } = instrumented("  [1, 2].map((n) => n * 2); //=> [2, 4]", "  await Promise.resolve(5); //=> 5", "  console.log(7); //=> 7", "  1, 2; //=> 2");
    expect(await run(code)).toEqual([7]);
    expect(recorded).toEqual([
      [file, 5, "[2, 4]", "value", [2, 4]],
      [file, 6, "5", "value", 5],
      [file, 7, "7", "logged", 7],
      [file, 8, "2", "value", 2],
    ]);
  });

  it("records each time a statement runs, inside callbacks and nested checks", async () => {
    const { code } = instrumented("  console.log([1, 2].map((n) => {", "    n; //=> 1", "    return n;", "  })); //=> [1, 2]");
    await run(code);
    expect(recorded).toEqual([
      [file, 6, "1", "value", 1],
      [file, 6, "1", "value", 2],
      [file, 8, "[1, 2]", "logged", [1, 2]],
    ]);
  });

  it("runs as written when no recorder is installed (a module imported outside a worker)", async () => {
    delete (globalThis as Record<symbol, unknown>)[inlineRecorderKey];
    const { code } = instrumented("  console.log(7); //=> 7");
    expect(await run(code)).toEqual([7]);
  });

  it("writes the expected values as string literals, whatever they hold", async () => {
    const { code } = instrumented("  '\"\\u2028`${x}`'; //=> '\"\\u2028`${x}`' and \\ more");
    await run(code);
    expect(recorded[0]!.slice(2, 4)).toEqual(["'\"\\u2028`${x}`' and \\ more", "value"]);
  });
});
