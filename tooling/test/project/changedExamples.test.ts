import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { parseProject } from "../../src/project/parseProject.ts";
import { swapFile } from "../../src/project/swapFile.ts";
import { changedExamples } from "../../src/project/changedExamples.ts";

/** an example printing `text`, its body calling `uses` */
const example = (key: string, text: string, uses = "") =>
  `/**\n * @example ${key}\n * @expectContains ${text}\n */\nexport function ${key.replace(/\W/g, "_")}() {\n  ${uses}console.log("${text}");\n}\n`;
const a = [
  'import { format } from "node:util";',
  "const greeting = \"hello\";",
  "function shout(text: string) {\n  return format(\"%s!\", text.toUpperCase());\n}",
  "function loud() {\n  return shout(greeting);\n}",
  example("a.plain", "plain"),
  example("a.loud", "loud", "loud(); "),
  example("a.shout", "shout", "shout(\"x\"); "),
].join("\n\n");
const b = `import { greeting } from "./a.ts";\n\n${example("b.one", "b", "void greeting; ")}`;
const c = example("c.one", "c");
const project = parseProject({
  config: resolveConfig({}, "/project"),
  sources: [{ file: "examples/a.ts", text: a }, { file: "examples/b.ts", text: b }, { file: "examples/c.ts", text: c }],
});
const after = (file: string, text: string | undefined) => [...changedExamples(project, swapFile(project, file, text))].sort();

describe("changedExamples", () => {
  it.each([
    // an editor's second write of the same text
    ["the same text", "examples/c.ts", c, []],
    ["a blank line between declarations", "examples/c.ts", `\n\n${c}\n`, []],
    ["an example's printed text", "examples/c.ts", c.replace('"c"', '"see"'), ["c.one"]],
    ["an example's JSDoc", "examples/c.ts", c.replace("@expectContains c", "@expectContains see"), ["c.one"]],
    ["a comment in one example of three", "examples/a.ts", a.replace('console.log("plain")', '// why\n  console.log("plain")'), ["a.plain", "b.one"]],
    // loud calls shout: both examples that use it, through the other declaration too
    ["a helper used by two examples", "examples/a.ts", a.replace("%s!", "%s!!"), ["a.loud", "a.shout", "b.one"]],
    ["a constant used through a helper", "examples/a.ts", a.replace('"hello"', '"hi"'), ["a.loud", "b.one"]],
    ["an import", "examples/a.ts", a.replace('import { format } from "node:util";', 'import { format, inspect } from "node:util";'), ["a.loud", "a.plain", "a.shout", "b.one"]],
    ["a top-level call", "examples/a.ts", `${a}\nconsole.log("loaded");\n`, ["a.loud", "a.plain", "a.shout", "b.one"]],
    ["a new example", "examples/c.ts", `${c}\n${example("c.two", "two")}`, ["c.two"]],
    ["a new file", "examples/d.ts", example("d.one", "d"), ["d.one"]],
    ["a removed example", "examples/a.ts", a.replace(example("a.shout", "shout", "shout(\"x\"); "), ""), ["b.one"]],
  ] as const)("%s", (_, file, text, keys) => {
    expect(after(file, text)).toEqual(keys);
  });

  it("runs every example of a file that imports an edited one, and nothing else", () => {
    // a.ts's examples did not change, but b.ts imports a.ts, which did
    expect(after("examples/a.ts", a.replace("function loud", "export function unused() {}\n\nfunction loud"))).toEqual(["b.one"]);
  });
});
