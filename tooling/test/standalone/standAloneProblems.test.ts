import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, test } from "vitest";
import { findExamples } from "../../src/find/findExamples.ts";
import { formatProblem } from "../../src/records/Problem.ts";
import { renderExampleCode } from "../../src/splice/renderExampleCode.ts";
import { standAloneProblems } from "../../src/standalone/standAloneProblems.ts";
import { expectGolden } from "../support/golden.ts";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const inputs = readdirSync(fixtures).filter((name) => name.endsWith(".ts")).sort();

/** the stand-alone problems of the examples of one file, named `examples/<name>` */
function check(name: string, text: string) {
  const found = findExamples([{ file: `examples/${name}`, text }]);
  expect(found.problems).toEqual([]);
  return standAloneProblems(found.examples, found.sourceFiles);
}

describe("standAloneProblems on golden fixtures", () => {
  test.each(inputs)("%s", (name) => {
    const problems = check(name, readFileSync(path.join(fixtures, name), "utf8"));
    expectGolden(path.join(fixtures, name.replace(/\.ts$/, ".golden.txt")), problems.map((problem) => `${formatProblem(problem)}\n`).join(""));
  });

  it("has a fixture for every golden file and the reverse", () => {
    const goldens = readdirSync(fixtures).filter((name) => name.endsWith(".golden.txt")).sort();
    expect(goldens).toEqual(inputs.map((name) => name.replace(/\.ts$/, ".golden.txt")));
  });
});

describe("the messages, exactly", () => {
  const fixture = (name: string) => check(name, readFileSync(path.join(fixtures, name), "utf8"));

  it("a name only a hidden line declares: where that line is, and the record says which example and name", () => {
    const [dir, ...others] = fixture("hidden-only.ts");
    expect(dir).toEqual({
      file: "examples/hidden-only.ts", line: 12, column: 27, key: "hidden.line", name: "dir",
      declared: { file: "examples/hidden-only.ts", line: 11, where: "hidden" },
      message: "the shown snippet of `hidden.line` uses `dir`, which only a hidden line declares (line 11); show its declaration or pass it in",
    });
    expect(others.map(formatProblem)).toEqual([
      "examples/hidden-only.ts:27:15: the shown snippet of `hidden.range` uses `report`, which only a hidden line declares (line 25); show its declaration or pass it in",
      "examples/hidden-only.ts:27:22: the shown snippet of `hidden.range` uses `events`, which only a hidden line declares (line 24); show its declaration or pass it in",
      "examples/hidden-only.ts:27:31: the shown snippet of `hidden.range` uses `days`, which only a hidden line declares (line 25); show its declaration or pass it in",
    ]);
  });

  it("globals of Node and types of the TypeScript lib are fine; CommonJS's `require` and `__dirname` are not globals", () => {
    expect(fixture("global.ts").map(formatProblem)).toEqual([
      "examples/global.ts:21:14: the shown snippet of `global.commonjs` uses `require`, which nothing shown declares or imports and which is not a global; declare or import it in shown code",
      "examples/global.ts:22:19: the shown snippet of `global.commonjs` uses `__dirname`, which nothing shown declares or imports and which is not a global; declare or import it in shown code",
    ]);
  });

  it("an import the shown code uses is shown with it; what hidden lines bind from imports is not", () => {
    expect(fixture("hidden-import.ts").map(formatProblem)).toEqual([
      "examples/hidden-import.ts:16:28: the shown snippet of `imports.hidden` uses `hash`, which only a hidden line declares (line 13); show its declaration or pass it in",
      "examples/hidden-import.ts:16:48: the shown snippet of `imports.hidden` uses `digest`, which only a hidden line declares (line 14); show its declaration or pass it in",
      "examples/hidden-import.ts:16:82: the shown snippet of `imports.hidden` uses `text`, which only a hidden line declares (line 15); show its declaration or pass it in",
    ]);
  });

  it("a snippet that declares or imports everything it uses has none", () => {
    expect(fixture("clean.ts")).toEqual([]);
  });

  it("names of the file's top level and parameters are outside what a page shows; a name declared nowhere is said so", () => {
    expect(fixture("outside.ts").map(formatProblem)).toEqual([
      "examples/outside.ts:13:16: the shown snippet of `outside.helpers` uses `Row`, which the file declares outside the example (line 17), where no page shows it; declare it in the example or import it",
      "examples/outside.ts:13:24: the shown snippet of `outside.helpers` uses `rows`, which the file declares outside the example (line 5), where no page shows it; declare it in the example or import it",
      "examples/outside.ts:14:34: the shown snippet of `outside.helpers` uses `md5`, which the file declares outside the example (line 4), where no page shows it; declare it in the example or import it",
      "examples/outside.ts:14:57: the shown snippet of `outside.helpers` uses `missing`, which nothing shown declares or imports and which is not a global; declare or import it in shown code",
      "examples/outside.ts:26:66: the shown snippet of `outside.parameter` uses `greeting`, which the file declares outside the example (line 26), where no page shows it; declare it in the example or import it",
    ]);
  });

  it("checks the code a block shows: the imports renderExampleCode keeps are those of the names it checks", () => {
    const text = readFileSync(path.join(fixtures, "hidden-import.ts"), "utf8");
    const found = findExamples([{ file: "examples/hidden-import.ts", text }]);
    const { code } = renderExampleCode(found.examples[0]!, text);
    expect(code.split("\n")[0]).toBe('import { format } from "node:util";');
    expect(code).not.toContain("readFileSync");
  });
});

/** the names reported for a body, with no hidden line and no other declaration in the file */
const namesIn = (body: string) => check("t.ts", `/**\n * @example t.k\n * @expect\n */\nexport async function f() {\n${body}\n}\n`).map((problem) => problem.name);

describe("what counts as a name the snippet uses", () => {
  test.each([
    // a property, a method and a key are not names in scope
    ["const o = { a: 1, m() {} }; console.log(o.a, o.m, o['x']);", []],
    // a shorthand property is the variable of that name
    ["console.log({ nowhere });", ["nowhere"]],
    // a label is not a variable
    ["outer: for (;;) { break outer; }", []],
    // `arguments` is every function's own
    ["(function () { console.log(arguments.length); })();", []],
    // `typeof x` in a type names a value: declared nowhere, it is reported
    ["let copy: typeof original;", ["original"]],
    // a type name the file does not declare is a global type of the lib files
    ["const list: ReadonlyArray<PropertyKey> = [];", []],
    // a value declared nowhere and not a global is reported once, at its first use
    ["helper(1); helper(2);", ["helper"]],
    // declared later in the shown code is declared (the check does not tell scopes apart)
    ["console.log(later()); function later() { return 1; }", []],
    // the check does not tell scopes apart: a name a nested function declares counts as declared in the whole snippet
    ["[1].map((n) => n); console.log(typeof n);", []],
    // `undefined`, `NaN` and `globalThis` are globals
    ["console.log(undefined, NaN, globalThis.process === process);", []],
    // a property access on an undeclared object reports the object only
    ["registry.save({ name: 'x' });", ["registry"]],
  ] as const)("%s", (body, names) => {
    expect(namesIn(body)).toEqual(names);
  });
});

describe("standAloneProblems in a CommonJS project", () => {
  const text = ["/**", " * @example cjs.paths", " * @expect data", " */", "export function paths() {", '  const { join } = require("node:path");', '  console.log(join(__dirname, "data").split("/").at(-1));', "}"].join("\n");
  const found = findExamples([{ file: "examples/cjs.ts", text }]);

  it("takes require, __filename and __dirname as globals of the files that run with them", () => {
    expect(standAloneProblems(found.examples, found.sourceFiles, undefined, new Set(["examples/cjs.ts"]))).toEqual([]);
  });

  it("and as missing names elsewhere, where a reader's copy would fail", () => {
    expect(standAloneProblems(found.examples, found.sourceFiles).map((problem) => problem.name)).toEqual(["require", "__dirname"]);
  });
});
