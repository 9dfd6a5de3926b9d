import { appendFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openProject, openResultCache, resolveConfig, runExamples } from "@exemplar/tooling";

/**
 * The result cache from code: the same project run three times, with one example file edited
 * before the third. An example runs again only when one of its inputs changed.
 * @example engine.result-cache
 * @timeout 20000
 * @expect
 * first run: 2 ran, 0 cached
 * nothing changed: 0 ran, 2 cached
 * greet.ts edited: 1 ran, 1 cached
 */
export async function resultCache() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-cache-example-"));
  mkdirSync(path.join(root, "examples"));
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
  for (const name of ["greet", "count"]) {
    const example = `/**\n * @example ${name}.one\n * @expect\n * ${name}\n */\nexport function one() { console.log("${name}"); }\n`;
    writeFileSync(path.join(root, "examples", `${name}.ts`), example);
  }
  const config = resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root);
  const runOnce = async (label: string) => {
    const project = await openProject(config);
    const run = await runExamples(project, {}, { cache: openResultCache(config, project) });
    const cached = run.verdicts.filter((verdict) => verdict.cached).length;
    console.log(`${label}: ${run.verdicts.length - cached} ran, ${cached} cached`);
  };
  await runOnce("first run");
  await runOnce("nothing changed");
  appendFileSync(path.join(root, "examples", "greet.ts"), "// edited\n");
  await runOnce("greet.ts edited");
  rmSync(root, { recursive: true, force: true }); // hide
}
