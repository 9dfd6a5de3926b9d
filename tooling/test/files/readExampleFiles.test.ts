import { describe, expect, it } from "vitest";
import { readExampleFiles } from "../../src/files/readExampleFiles.ts";
import { corpus } from "../support/corpus.ts";

const root = corpus("cli");

describe("readExampleFiles", () => {
  it("reads the matched files in a stable order, with /-separated relative paths", async () => {
    const sources = await readExampleFiles(root, ["examples/*.ts", "typecheck/*.ts", "examples/greet.ts"]);
    expect(sources.map((source) => source.file)).toEqual(["examples/broken.ts", "examples/greet.ts", "typecheck/types.ts"]);
    expect(sources[1]!.text).toMatch(/^\/\*\*\n \* @example greet\.hello\n/);
  });

  it("fails with EXEMPLAR_FILES_NOT_FOUND, naming the glob, when one matches nothing", async () => {
    await expect(readExampleFiles(root, ["examples/*.ts", "exmaples/*.ts"])).rejects.toMatchObject({
      code: "EXEMPLAR_FILES_NOT_FOUND",
      message: `no example files match \`exmaples/*.ts\` in ${root}`,
    });
  });

  it("leaves out what a glob starting with `!` matches, from every other glob", async () => {
    const sources = await readExampleFiles(root, ["examples/*.ts", "typecheck/*.ts", "!examples/broken.ts"]);
    expect(sources.map((source) => source.file)).toEqual(["examples/greet.ts", "typecheck/types.ts"]);
    await expect(readExampleFiles(root, ["examples/*.ts", "typecheck/*.ts", "!typecheck/**"])).rejects.toMatchObject({
      message: `no example files match \`typecheck/*.ts\` in ${root} (the globs starting with \`!\` leave out every file it matches)`,
    });
  });

  it("fails, naming the globs, when they only leave files out", async () => {
    await expect(readExampleFiles(root, ["!examples/setup.ts"])).rejects.toMatchObject({
      code: "EXEMPLAR_FILES_NOT_FOUND",
      message: "the example globs only leave files out (`!examples/setup.ts`); add one that names files, such as `examples/**/*.ts`",
    });
  });
});
