import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { bundleCustomCode } from "../../src/context/bundleCustomCode.ts";
import { loadCustomCode } from "../../src/context/loadCustomCode.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir();
afterAll(() => temp.remove());

test("bundles a module with its local imports into one ESM file that loads elsewhere", async () => {
  writeFileSync(path.join(temp.dir, "helpers.ts"), "export const factor: number = 3;\n");
  writeFileSync(path.join(temp.dir, "features.ts"), 'import { factor } from "./helpers.ts";\nexport function triple(x: number): number { return x * factor; }\n');
  const code = await bundleCustomCode(path.join(temp.dir, "features.ts"));
  expect(code).toMatchObject({ entry: "features.ts", format: "esm", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(code.code).not.toContain("import");
  const loaded = await loadCustomCode<{ triple: (x: number) => number }>(code);
  expect(loaded.triple(2)).toBe(6);
  await expect(loadCustomCode({ ...code, code: `${code.code}\nexport const evil = 1;` })).rejects.toThrow(/sha256 is [0-9a-f]+, expected [0-9a-f]+; refusing to load altered code/);
});

test("a module that does not build is an error naming it and the reason", async () => {
  writeFileSync(path.join(temp.dir, "broken.ts"), 'import { nothing } from "./nowhere.ts";\nexport const value = nothing;\n');
  await expect(bundleCustomCode(path.join(temp.dir, "broken.ts"))).rejects.toThrow(/could not bundle custom code .*broken\.ts: Could not resolve "\.\/nowhere\.ts"/);
});
