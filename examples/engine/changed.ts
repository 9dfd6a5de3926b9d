import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { affectedExamples, openProject, resolveConfig } from "@exemplar/tooling";

/**
 * Which examples `exemplar check --changed` runs: those whose file, or a local file it imports
 * (here through `helper.ts`), changed. The changed files come from git (`changedFiles`); here the
 * set is given.
 * @example engine.changed
 * @timeout 20000
 * @expect
 * deep.ts changed: a.one, a.two
 * b.ts changed: b.one
 */
export async function changed() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-changed-example-"));
  mkdirSync(path.join(root, "examples"));
  const example = (key: string) => `/**\n * @example ${key}\n * @expect\n * ok\n */\nexport function ${key.split(".")[1]}() { console.log("ok"); }\n`;
  writeFileSync(path.join(root, "examples", "a.ts"), `import "./helper.ts";\n${example("a.one")}${example("a.two")}`);
  writeFileSync(path.join(root, "examples", "helper.ts"), 'import "./deep.ts";\n');
  writeFileSync(path.join(root, "examples", "deep.ts"), "export {};\n");
  writeFileSync(path.join(root, "examples", "b.ts"), example("b.one"));
  const config = resolveConfig({ examples: ["examples/*.ts"] }, root);
  const project = await openProject(config);
  for (const file of ["deep.ts", "b.ts"]) {
    const affected = affectedExamples(config, project, new Set([path.join(root, "examples", file)]));
    console.log(`${file} changed: ${affected.map((example) => example.key).join(", ")}`);
  }
  rmSync(root, { recursive: true, force: true }); // hide
}
