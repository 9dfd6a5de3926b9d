import { describe, expect, it, test } from "vitest";
import { findExamples } from "../../src/find/findExamples.ts";
import { inlineValueLimit } from "../../src/records/InlineResult.ts";
import { formatProblem } from "../../src/records/Problem.ts";

/** one example, `f`, with `body` (lines, indented by the caller) and no other expectation; its body starts on line 6 */
const source = (...body: string[]) => ["/**", " * Shows results inline.", " * @example inline.k", " */", "export async function f() {", ...body, "}", ""].join("\n");
const find = (text: string) => findExamples([{ file: "examples/t.ts", text }]);

/** what one check holds, with the recorded expression as text instead of its offsets */
function checksOf(text: string) {
  const { examples, problems } = find(text);
  expect(problems.map(formatProblem)).toEqual([]);
  return (examples[0]!.inlineResults ?? []).map(({ start, end, ...check }) => ({ ...check, recorded: text.slice(start, end) }));
}

describe("findInlineResults: the checks an example's body holds", () => {
  test.each([
    // README style: the value on the statement's line
    ["on the statement's line", ['  parse("a.b"); //=> ["a", "b"]'], { line: 6, statementLine: 6, code: 'parse("a.b");', expected: '["a", "b"]', kind: "value", recorded: 'parse("a.b")' }],
    // ... or on the line right after it
    ["on the next line", ['  parse("a.b");', '  //=> ["a", "b"]'], { line: 7, statementLine: 6, code: 'parse("a.b");', expected: '["a", "b"]', kind: "value", recorded: 'parse("a.b")' }],
    // a statement that awaits is recorded with its await
    ["an awaited statement", ["  await load(); //=> { ok: true }"], { line: 6, statementLine: 6, code: "await load();", expected: "{ ok: true }", kind: "value", recorded: "await load()" }],
    // after console.log(x), what is logged
    ["console.log", ["  console.log(total(2, 3)); //=> 5"], { line: 6, statementLine: 6, code: "console.log(total(2, 3));", expected: "5", kind: "logged", recorded: "total(2, 3)" }],
    // no space after the arrow, and a statement without a semicolon
    ["no space, no semicolon", ["  x + 1 //=>2"], { line: 6, statementLine: 6, code: "x + 1", expected: "2", kind: "value", recorded: "x + 1" }],
    // a plain comment may end the statement's line when the value is on the next one
    ["a comment between", ["  total(); // sums", "  //=> 3"], { line: 7, statementLine: 6, code: "total();", expected: "3", kind: "value", recorded: "total()" }],
    // a statement over several lines: its value is checked from its last line
    ["a statement over lines", ["  total(", "    1,", "  ); //=> 1"], { line: 8, statementLine: 6, code: "total(", expected: "1", kind: "value", recorded: "total(\n    1,\n  )" }],
    // inside a callback: checked each time it runs
    ["in a callback", ["  [1, 2].forEach((n) => {", "    n > 0; //=> true", "  });"], { line: 7, statementLine: 7, code: "n > 0;", expected: "true", kind: "value", recorded: "n > 0" }],
    // TypeScript inside the expression stays (blanked or compiled later)
    ["TypeScript in the statement", ["  (x as number) + 1; //=> 2"], { line: 6, statementLine: 6, code: "(x as number) + 1;", expected: "2", kind: "value", recorded: "(x as number) + 1" }],
    // CRLF line endings
    ["CRLF", ['  parse("a"); \r', "  //=> ['a']\r"], { line: 7, statementLine: 6, code: 'parse("a");', expected: "['a']", kind: "value", recorded: 'parse("a")' }],
  ])("%s", (_name, body, check) => {
    expect(checksOf(source(...body))).toEqual([check]);
  });

  it("keeps 200 characters of a long statement's line for messages", () => {
    const long = `[${"1, ".repeat(200)}1].length;`;
    expect(checksOf(source(`  ${long} //=> 201`))[0]!.code).toBe(`${long.slice(0, 200)}…`);
  });

  it("keeps several checks in source order, and an example with only them needs no @expect", () => {
    const { examples, problems } = find(source("  a(); //=> 1", "  b();", "  //=> 2", "  console.log(c()); //=> 3"));
    expect(problems).toEqual([]);
    expect(examples[0]!.expectations).toEqual([]);
    expect(examples[0]!.inlineResults!.map((check) => [check.line, check.expected, check.kind])).toEqual([[6, "1", "value"], [8, "2", "value"], [9, "3", "logged"]]);
  });

  test.each([
    // in a string
    ["in a string", ['  const s = "//=> 1";', "  console.log(s);"]],
    // in a template literal
    ["in a template", ["  const s = `", "//=> 1`;", "  console.log(s);"]],
    // inside a comment that starts before it
    ["inside a comment", ["  // parse('a') //=> ['a']", "  console.log(1);"]],
    // in a block comment
    ["in a block comment", ["  /* f(); //=> 1 */", "  console.log(1);"]],
    // `// =>` is not the marker
    ["a spaced arrow", ["  f(); // => 1"]],
  ])("does not read //=> %s", (_name, body) => {
    // with an @expect, so that the example is found whatever it holds
    const { examples, problems } = find(source(...body).replace(" * @example inline.k\n", " * @example inline.k\n * @expect\n"));
    expect(problems).toEqual([]);
    expect(examples[0]!.inlineResults).toBeUndefined();
  });

  it("holds no inlineResults field for an example without //=>, though the file has one elsewhere", () => {
    const text = `${source("  f(); //=> 1")}/**\n * @example other\n * @expect\n */\nexport function g() {}\n`;
    const { examples } = find(text);
    expect(examples.map((example) => "inlineResults" in example)).toEqual([true, false]);
  });
});

describe("findInlineResults: a //=> that would check nothing is a problem at its place", () => {
  test.each([
    // a declaration has no value
    ["after a declaration", ["  const total = 1 + 2; //=> 3"], "examples/t.ts:6:24: `//=>` after a declaration checks nothing: only an expression statement has a value; write the value on a line of its own (`total; //=> 3`)"],
    // a statement that is not an expression
    ["after an if", ["  if (ok) { f(); } //=> 1"], "examples/t.ts:6:20: `//=>` after an if statement checks nothing: only an expression statement has a value; write the value on a line of its own (`x; //=> 1`)"],
    // a blank line between
    ["after a blank line", ["  f();", "", "  //=> 1"], "examples/t.ts:8:3: `//=>` follows no statement: write it after an expression statement, on its line or on the line right after it (`parse('a.b'); //=> ['a', 'b']`)"],
    // at the start of the body
    ["first in the body", ["  //=> 1", "  f();"], "examples/t.ts:6:3: `//=>` follows no statement: write it after an expression statement, on its line or on the line right after it (`parse('a.b'); //=> ['a', 'b']`)"],
    // inside an expression
    ["inside an expression", ["  f(", "    1, //=> 1", "  );"], "examples/t.ts:7:8: `//=>` follows no statement: write it after an expression statement, on its line or on the line right after it (`parse('a.b'); //=> ['a', 'b']`)"],
    // console.log of two values
    ["console.log of two values", ['  console.log("total", 3); //=> total 3'], "examples/t.ts:6:28: `//=>` after console.log with 2 arguments: log one value to check it (`console.log(total); //=> 3`)"],
    // no value
    ["without a value", ["  f(); //=>  "], "examples/t.ts:6:8: `//=>` needs the expected value after it: a JavaScript value (`//=> ['a', 'b']`) or what util.inspect prints"],
    // two values for one statement
    ["two for one statement", ["  f(); //=> 1", "  //=> 2"], "examples/t.ts:7:3: a second `//=>` for the statement at line 6: one value per statement"],
  ])("%s", (_name, body, message) => {
    const { examples, problems } = find(source(...body));
    expect(problems.map(formatProblem)).toEqual([message]);
    expect(examples).toEqual([]);
  });

  it("refuses a value longer than it reads, saying how long", () => {
    const { problems } = find(source(`  f(); //=> "${"x".repeat(inlineValueLimit)}"`));
    expect(problems.map(formatProblem)).toEqual([
      `examples/t.ts:6:8: \`//=>\` value is ${inlineValueLimit + 2} characters, more than the ${inlineValueLimit} Exemplar reads; check a smaller part of the value`,
    ]);
  });

  it("still asks an example without any check to assert something, naming //=>", () => {
    const { problems } = find(source("  f();"));
    expect(problems.map(formatProblem)).toEqual([
      "examples/t.ts:3:4: an example must assert something: add @expect, @expectUnordered, @expectContains, @expectMatch or @expectError, or a `//=> VALUE` comment after an expression statement",
    ]);
  });
});
