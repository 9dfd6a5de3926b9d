import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, test } from "vitest";
import { findExamples } from "../../src/find/findExamples.ts";
import { formatProblem } from "../../src/records/Problem.ts";
import { expectGolden } from "../support/golden.ts";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const inputs = readdirSync(fixtures).filter((name) => name.endsWith(".ts")).sort();

/** what a golden file holds: everything findExamples returns, regexes written as `/source/flags` */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof RegExp ? String(item) : item), 2) + "\n";
}

describe("findExamples on golden fixtures", () => {
  test.each(inputs)("%s", (name) => {
    const text = readFileSync(path.join(fixtures, name), "utf8");
    const { examples, problems, sourceFiles } = findExamples([{ file: name, text }]);
    expectGolden(path.join(fixtures, name.replace(/\.ts$/, ".golden.json")), toJson({ examples, problems }));
    // the tree of the file, handed on for splicing
    expect([...sourceFiles.keys()]).toEqual([name]);
    expect(sourceFiles.get(name)!.text).toBe(text);
  });

  it("has a fixture for every golden file and the reverse", () => {
    const goldens = readdirSync(fixtures).filter((name) => name.endsWith(".golden.json")).sort();
    expect(goldens).toEqual(inputs.map((name) => name.replace(/\.ts$/, ".golden.json")));
  });

  it("keeps the CRLF fixture's line endings (the .gitattributes there marks it -text)", () => {
    expect(readFileSync(path.join(fixtures, "crlf.ts"), "utf8")).toContain("\r\n * @example crlf.exact\r\n");
  });
});

/** finds in one source named `examples/t.ts` */
const find = (text: string) => findExamples([{ file: "examples/t.ts", text }]);
const doc = (...lines: string[]) => ["/**", ...lines.map((line) => ` * ${line}`.trimEnd()), " */"].join("\n");

describe("findExamples: what counts as an example", () => {
  test.each([
    // a function declaration, sync
    ["export function f() {}", "f", false],
    // a function declaration, async
    ["export async function f() {}", "f", true],
    // an arrow function in a const
    ["export const f = () => {};", "f", false],
    // an async arrow function with an expression body
    ["export const f = async () => 1;", "f", true],
    // a function expression in a const
    ["export const f = function () {};", "f", false],
    // an async function expression
    ["export const f = async function named() {};", "f", true],
    // the default export is run by that name
    ["export default function () {}", "default", false],
  ])("%s", (declaration, name, async) => {
    const { examples, problems } = find(`${doc("@example k", "@expect")}\n${declaration}\n`);
    expect(problems).toEqual([]);
    expect(examples.map((example) => [example.key, example.name, example.async, example.line, example.file])).toEqual([
      ["k", name, async, 5, "examples/t.ts"],
    ]);
  });

  it("records the places of the declaration and its body", () => {
    const text = `${doc("@example k", "@expect")}\nexport function f() {\n  console.log(1);\n}\n`;
    const [example] = find(text).examples;
    expect(example!.line).toBe(5);
    expect(example!.endLine).toBe(7);
    expect(text.slice(example!.start, example!.end)).toBe("export function f() {\n  console.log(1);\n}");
    expect(text.slice(example!.bodyStart, example!.bodyEnd)).toBe("\n  console.log(1);\n");
  });

  it("gives the expression of an expression-bodied arrow as its body", () => {
    const text = `${doc("@example k", "@expect")}\nexport const f = () => console.log(1);\n`;
    const [example] = find(text).examples;
    expect(text.slice(example!.bodyStart, example!.bodyEnd)).toBe("console.log(1)");
  });

  it("does not run the file: top-level code with side effects is only read", () => {
    const { examples, problems } = find(`throw new Error("never");\n${doc("@example k", "@expect")}\nexport function f() {}\n`);
    expect(problems).toEqual([]);
    expect(examples.map((example) => example.key)).toEqual(["k"]);
  });
});

describe("findExamples: keys", () => {
  test.each([
    // letters, digits, dots, dashes and slashes
    ["registry.save-and-find/v2", true],
    // may start with a digit
    ["2fa.login", true],
    // a single character
    ["a", true],
    // upper case letters
    ["Registry.save", false],
    // an underscore
    ["registry_save", false],
    // a leading dash
    ["-registry", false],
    // a leading dot
    [".registry", false],
    // a leading slash
    ["/registry", false],
    // a colon
    ["registry:save", false],
    // a non-ASCII letter
    ["régistry", false],
  ])("%s valid: %s", (key, valid) => {
    const { examples, problems } = find(`${doc(`@example ${key}`, "@expect")}\nexport function f() {}\n`);
    if (valid) {
      expect(problems).toEqual([]);
      expect(examples.map((example) => example.key)).toEqual([key]);
    } else {
      expect(examples).toEqual([]);
      expect(problems.map(formatProblem)).toEqual([
        `examples/t.ts:2:4: invalid example key \`${key}\`: expected lowercase letters, digits, \`.\`, \`-\` and \`/\``,
      ]);
    }
  });

  it("rejects two words as a key", () => {
    const { problems } = find(`${doc("@example two words", "@expect")}\nexport function f() {}\n`);
    expect(problems.map(formatProblem)).toEqual([
      "examples/t.ts:2:4: invalid example key `two words`: expected lowercase letters, digits, `.`, `-` and `/`",
    ]);
  });

  it("rejects an empty key", () => {
    const { problems } = find(`${doc("@example", "@expect")}\nexport function f() {}\n`);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^examples\/t\.ts:2:4: @example needs a key/);
  });

  it("reports a duplicate key across files at both places", () => {
    const one = `${doc("@example same.key", "@expect")}\nexport function f() {}\n`;
    const two = `\n\n${doc("@example same.key", "@expect")}\nexport const g = () => {};\n`;
    const { problems } = findExamples([{ file: "examples/one.ts", text: one }, { file: "examples/two.ts", text: two }]);
    expect(problems.map(formatProblem)).toEqual([
      "examples/one.ts:5: duplicate example key `same.key`: also at examples/two.ts:7",
      "examples/two.ts:7: duplicate example key `same.key`: also at examples/one.ts:5",
    ]);
  });
});

describe("findExamples: bad input is reported with its place", () => {
  test.each([
    // a function that is not exported cannot be imported by the runner
    ["a function that is not exported cannot be imported by the runner", `${doc("@example k", "@expect")}\nfunction f() {}`, 2, 4, /^@example function `f` is not exported: add `export`/],
    // an arrow function that is not exported
    ["an arrow function that is not exported", `${doc("@example k", "@expect")}\nconst f = () => {};`, 2, 4, /^@example function `f` is not exported/],
    // a class
    ["a class", `${doc("@example k", "@expect")}\nexport class C {}`, 2, 4, /^@example on a class: expected an exported function$/],
    // an interface
    ["an interface", `${doc("@example k", "@expect")}\nexport interface I {}`, 2, 4, /^@example on an interface: expected an exported function$/],
    // a variable holding a number
    ["a variable holding a number", `${doc("@example k", "@expect")}\nexport const n = 1;`, 2, 4, /^@example on variable `n`: expected an exported function/],
    // a variable holding a call result
    ["a variable holding a call result", `${doc("@example k", "@expect")}\nexport const n = make(() => {});`, 2, 4, /^@example on variable `n`/],
    // an overload signature without a body
    ["an overload signature without a body", `${doc("@example k", "@expect")}\nexport function f(): void;\nexport function f() {}`, 2, 4, /^@example must document a function with a name and a body$/],
    // a function nested in another
    ["a function nested in another", `export function outer() {\n  ${doc("@example k", "@expect").split("\n").join("\n  ")}\n  function inner() {}\n}`, 3, 6, /^@example must document an exported top-level function/],
    // an indented one-line comment: the column is that of the tag in the file
    ["an indented one-line comment", `export function outer() {\n  /** @example k */\n  function inner() {}\n}`, 2, 7, /^@example must document an exported top-level function/],
    // a comment followed by nothing
    ["a comment followed by nothing", `export function f() {}\n\n${doc("@example k", "@expect")}\n`, 4, 4, /^@example must document an exported top-level function/],
    // a misspelt tag, with a suggestion
    ["a misspelt tag, with a suggestion", `${doc("@example k", "@expet")}\nexport function f() {}`, 3, 4, /^unknown tag @expet; did you mean @expect\?$/],
    // a misspelt tag with different case
    ["a misspelt tag with different case", `${doc("@example k", "@expectcontains ok")}\nexport function f() {}`, 3, 4, /^unknown tag @expectcontains; did you mean @expectContains\?$/],
    // an unknown tag far from every known one lists them all
    ["@noCache with a value", `${doc("@example k", "@expect", "@noCache please")}\nexport function f() {}`, 4, 4, /^@noCache takes no value, got `please`$/],
    ["an unknown tag far from every known one lists them all", `${doc("@example k", "@expect", "@frobnicate")}\nexport function f() {}`, 4, 4, /^unknown tag @frobnicate; expected one of @example, @expect, @expectUnordered, @expectContains, @expectMatch, @expectError, @timeout, @skip, @noCache$/],
    // a regex that does not compile
    ["a regex that does not compile", `${doc("@example k", "@expectMatch /(unclosed/")}\nexport function f() {}`, 3, 4, /^@expectMatch: invalid regular expression `\/\(unclosed\/`: /],
    // an @expectMatch that is not written as a regex
    ["an @expectMatch that is not written as a regex", `${doc("@example k", "@expectMatch unclosed")}\nexport function f() {}`, 3, 4, /^@expectMatch: expected a regular expression written as \/pattern\/flags, got `unclosed`$/],
    // an @expectMatch with an unknown flag
    ["an @expectMatch with an unknown flag", `${doc("@example k", "@expectMatch /a/q")}\nexport function f() {}`, 3, 4, /^@expectMatch: invalid regular expression `\/a\/q`: Invalid flags/],
    // an @expectError regex that does not compile
    ["an @expectError regex that does not compile", `${doc("@example k", "@expectError /[z-a]/")}\nexport function f() {}`, 3, 4, /^@expectError: invalid regular expression `\/\[z-a\]\/`: .*[Rr]ange out of order/],
    // an example that asserts nothing
    ["an example that asserts nothing", `${doc("Prints a greeting.", "@example k")}\nexport function f() {}`, 3, 4, /^an example must assert something: add @expect, @expectUnordered, @expectContains, @expectMatch or @expectError, or a `\/\/=> VALUE` comment after an expression statement$/],
    // a timeout that is a word
    ["a timeout that is a word", `${doc("@example k", "@timeout soon", "@expect")}\nexport function f() {}`, 3, 4, /^@timeout expects a positive number of milliseconds, got `soon`$/],
    // a timeout with a unit
    ["a timeout with a unit", `${doc("@example k", "@timeout 5s", "@expect")}\nexport function f() {}`, 3, 4, /^@timeout expects a positive number of milliseconds, got `5s`$/],
    // a timeout of zero
    ["a timeout of zero", `${doc("@example k", "@timeout 0", "@expect")}\nexport function f() {}`, 3, 4, /^@timeout expects a positive number of milliseconds, got `0`$/],
    // a timeout without a value
    ["a timeout without a value", `${doc("@example k", "@timeout", "@expect")}\nexport function f() {}`, 3, 4, /^@timeout expects a positive number of milliseconds, got ``$/],
    // @expectContains without text
    ["@expectContains without text", `${doc("@example k", "@expectContains")}\nexport function f() {}`, 3, 4, /^@expectContains needs the text to find, on the same line$/],
    // @expectError without a message
    ["@expectError without a message", `${doc("@example k", "@expectError")}\nexport function f() {}`, 3, 4, /^@expectError needs the expected message/],
    // two @expect blocks
    ["two @expect blocks", `${doc("@example k", "@expect", "a", "@expect", "b")}\nexport function f() {}`, 5, 4, /^more than one @expect: write all expected lines under a single tag$/],
    // a second line under @expectContains
    ["a second line under @expectContains", `${doc("@example k", "@expectContains a", "b")}\nexport function f() {}`, 4, 1, /^@expectContains takes one line; repeat the tag/],
    // a syntax error: file, line and column of the error
    ["a syntax error: file, line and column of the error", `${doc("@example k", "@expect")}\nexport function f() {\n  const x = ;\n}`, 6, 13, /^syntax error: Expression expected\.$/],
  ])("%s", (_name, text, line, column, message) => {
    const { examples, problems } = find(text);
    if (!String(message).includes("syntax error")) expect(examples).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "examples/t.ts", line, column });
    expect(problems[0]!.message).toMatch(message);
  });

  it("reports every problem of a file at once", () => {
    const text = [doc("@example A", "@expect"), "export function a() {}", doc("@example b", "@expet"), "export function b() {}"].join("\n");
    expect(find(text).problems.map(formatProblem)).toEqual([
      "examples/t.ts:2:4: invalid example key `A`: expected lowercase letters, digits, `.`, `-` and `/`",
      "examples/t.ts:8:4: unknown tag @expet; did you mean @expect?",
    ]);
  });
});

describe("findExamples: JSDoc lines", () => {
  const expectLines = (text: string) => {
    const { examples, problems } = find(text);
    expect(problems).toEqual([]);
    return examples[0]!.expectations[0];
  };

  it("keeps the indentation of expected lines and drops trailing spaces and blank lines", () => {
    expect(expectLines(`${doc("@example k", "@expect", "{", "  \"a\": 1,", "", "    b   ", "}", "", "")}\nexport function f() {}`)).toEqual({
      kind: "exact", lines: ["{", "  \"a\": 1,", "", "    b", "}"], line: 3, startLine: 4, endLine: 8,
    });
  });

  it("reads `\\@` as a literal `@` at the start of an expected line", () => {
    expect(expectLines(`${doc("@example k", "@expect", "\\@scope/pkg", "\\@expect")}\nexport function f() {}`)).toMatchObject({
      lines: ["@scope/pkg", "@expect"],
    });
  });

  it("reads @expect with no lines as \"prints nothing\"", () => {
    expect(expectLines(`${doc("@example k", "@expect")}\nexport function f() {}`)).toEqual({
      kind: "exact", lines: [], line: 3, startLine: 4, endLine: 3,
    });
  });

  it("reads CRLF files like LF files, lines and places alike", () => {
    const lf = `${doc("Description.", "@example k", "@expect", "a  ", "  b", "")}\nexport function f() {}\n`;
    const crlf = lf.replace(/\n/g, "\r\n");
    const [fromLf] = find(lf).examples;
    const [fromCrlf] = find(crlf).examples;
    expect(fromCrlf!.expectations).toEqual(fromLf!.expectations);
    expect(fromCrlf!.description).toBe("Description.");
    expect(fromCrlf!.line).toBe(fromLf!.line);
    expect(fromCrlf!.expectations[0]).toMatchObject({ lines: ["a", "  b"] });
  });
});
