import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openProject, resolveConfig, runExamples } from "@exemplar/tooling";

/**
 * An example file of a CommonJS project (no "type": "module" in its package.json) has
 * CommonJS's require, __filename and __dirname. This runs one in a temporary project.
 * @example install.commonjs
 * @timeout 20000
 * @expect
 * greet.commonjs passed: hello, commonjs (from examples/)
 */
export async function commonJsProject() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-commonjs-"));
  mkdirSync(path.join(root, "examples"));
  writeFileSync(path.join(root, "package.json"), '{ "name": "greeter", "version": "1.0.0" }');
  writeFileSync(path.join(root, "index.js"), "module.exports = { greet: (name) => `hello, ${name}` };\n");
  const example = `
    /**
     * @example greet.commonjs
     * @expect hello, commonjs (from examples/)
     */
    export function greetFromCommonJs() {
      const { greet } = require("../index.js");
      console.log(\`\${greet("commonjs")} (from \${path.basename(__dirname)}/)\`);
    }`;
  writeFileSync(path.join(root, "examples", "greet.ts"), `import path from "node:path";\n${example}\n`);
  const run = await runExamples(await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root)));
  for (const verdict of run.verdicts) console.log(`${verdict.example.key} ${verdict.status}: ${verdict.result.stdout.trim()}`);
  rmSync(root, { recursive: true, force: true }); // hide
}
