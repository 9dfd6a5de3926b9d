// .github/workflows/exemplar.yml, the reusable workflow other repositories call: valid for GitHub
// (action-validator), every input and secret declared and documented in its header, and thin:
// each step calls npm ci, an npm script the caller names or an exemplar command with flags that
// command knows. Forks, Dependabot, unset buckets and missing keys skip publishing; secrets reach
// only the steps that use them; every job has a timeout. scenarios.test.ts evaluates its
// conditions for each situation.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { commands } from "../../src/cli/main.ts";
import { WORKFLOWS, keysUnder, scripts, stepsOf, validate, words } from "./readWorkflow.ts";

const FILE = join(WORKFLOWS, "exemplar.yml");
const text = readFileSync(FILE, "utf8");
const header = text.slice(0, text.indexOf("\nname:"));
const steps = stepsOf(text);
const runs = steps.filter((step) => step.run !== undefined);
const inputs = keysUnder(text, "    inputs:");
const secrets = keysUnder(text, "    secrets:");
/** The one step of `job` whose command matches. */
const stepRunning = (pattern: RegExp, job = "docs") => {
  const found = runs.filter((step) => step.job === job && pattern.test(step.run!));
  expect(found, `one step of ${job} runs ${pattern}`).toHaveLength(1);
  return found[0]!;
};

describe(".github/workflows/exemplar.yml", () => {
  test("action-validator accepts it", async () => {
    expect(await validate(FILE)).toBe("");
  });

  test("action-validator would catch a broken workflow (the check above is not vacuous)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exemplar-workflow-"));
    try {
      const broken = join(dir, "broken.yml");
      await writeFile(broken, text.replace("runs-on: ubuntu-latest", "runs-in: ubuntu-latest"));
      await expect(validate(broken)).rejects.toMatchObject({ code: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("is only called (workflow_call): the caller decides when it runs", () => {
    expect(text).toMatch(/^on:\n {2}workflow_call:\n {4}inputs:\n/m);
    expect(text).not.toMatch(/^ {2}(pull_request|push):/m);
  });

  test("declares its inputs with a description and a default, and its secrets as optional", () => {
    expect([...inputs.keys()]).toEqual(["node-version", "container", "test-script", "build-script", "dist", "test-script-builds-site", "bucket", "url", "region", "endpoint", "timeout-minutes"]);
    for (const name of inputs.keys()) {
      const type = name === "timeout-minutes" ? "number" : name === "test-script-builds-site" ? "boolean" : "string";
      const block = new RegExp(`^ {6}${name}:\\n {8}description: .+\\n {8}type: ${type}\\n {8}default: .*\\n`, "m");
      expect(text, name).toMatch(block);
    }
    expect([...secrets.keys()]).toEqual(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
    for (const name of secrets.keys()) expect(text, name).toMatch(new RegExp(`^ {6}${name}:\\n {8}description: .+\\n {8}required: false\\n`, "m"));
  });

  test("the header documents every input and secret, and it uses no input it does not declare", () => {
    for (const name of [...inputs.keys(), ...secrets.keys()]) expect(header, name).toMatch(new RegExp(`^#   ${name} `, "m"));
    const used = new Set([...text.matchAll(/\binputs\.([\w-]+)/g)].map(([, name]) => name!));
    expect([...used].filter((name) => !inputs.has(name))).toEqual([]);
    expect([...inputs.keys()].filter((name) => !used.has(name))).toEqual([]);
    const usedSecrets = new Set([...text.matchAll(/\bsecrets\.([\w-]+)/g)].map(([, name]) => name!));
    expect(usedSecrets).toEqual(new Set(secrets.keys()));
  });

  test("runs in the caller's container when it names one, on the runner otherwise", () => {
    // a job container whose expression is empty is not started (actions/runner#266): a literal '' is refused
    expect(text).toMatch(/^ {4}container: \$\{\{ inputs\.container \}\}\n/m);
    expect(text).toMatch(/^ {6}container:\n {8}description: .+\n {8}type: string\n {8}default: ""\n/m);
  });

  test("every job has a timeout: the docs job the caller's (default 30 minutes), unpublish 10", () => {
    const jobs = [...keysUnder(text, "jobs:").keys()];
    expect(jobs).toEqual(["docs", "unpublish"]);
    for (const job of jobs) expect(text, job).toMatch(new RegExp(`^ {2}${job}:\\n(?: {4}.*\\n)*? {4}timeout-minutes: `, "m"));
    expect(text).toMatch(/^ {2}docs:\n(?: {4}.*\n)*? {4}timeout-minutes: \$\{\{ inputs\.timeout-minutes \}\}\n/m);
    expect(text).toMatch(/^ {6}timeout-minutes:\n {8}description: .+\n {8}type: number\n {8}default: 30\n/m);
    expect(text).toMatch(/^ {2}unpublish:\n(?: {4}.*\n)*? {4}timeout-minutes: 10\n/m);
  });

  test("every run step is one line calling npm ci, the caller's npm script, an exemplar command or a notice", async () => {
    expect(text).not.toMatch(/run:\s*[|>]/);
    const exemplarCommands = new Map(await Promise.all(commands.map(async (entry) => [entry.name, await entry.load()] as const)));
    for (const { run } of runs) {
      const [program, ...args] = words(run!);
      if (program === "npx") {
        // --no: a failed install must not let npx fetch whatever package is called exemplar
        expect(args.shift(), run).toBe("--no");
      }
      const [first, second, ...rest] = args;
      if (program === "npm" && first === "run") expect(["\"$TEST_SCRIPT\"", "\"$BUILD_SCRIPT\""], run).toContain(second);
      else if (program === "npm") expect(first, run).toBe("ci");
      else if (program === "npx") {
        expect(first, run).toBe("exemplar");
        const command = exemplarCommands.get(second!);
        expect(command, `${run}: exemplar has no command ${second}`).toBeDefined();
        // every flag the step passes is one the command documents
        for (const flag of rest.filter((word) => word.startsWith("--"))) expect(command!.help, `${run}: ${flag}`).toContain(`${flag} `);
      } else expect(run, "only a notice may be echoed").toMatch(/^echo "::notice title=[^:]+::[^"]*"$/);
    }
    // the check is the one a project runs locally as `npm run docs:check:ci` (this repository's script)
    expect(stepRunning(/exemplar check /).run).toBe(`npx --no ${scripts["docs:check:ci"]}`);
  });

  test("installs with npm ci, or with the caller's test-script instead", () => {
    const install = stepRunning(/^npm ci$/);
    const test = stepRunning(/^npm run "\$TEST_SCRIPT"$/);
    expect(install.if).toBe("inputs.test-script == ''");
    // closing a pull request needs only the package to delete its preview
    expect(stepRunning(/^npm ci$/, "unpublish").if).toBe("env.PUBLISH == 'true'");
    expect([test.if, test.env]).toEqual(["inputs.test-script != ''", ["TEST_SCRIPT", "DOCS_BASE", "EXEMPLAR_SITE_DIST"]]);
    expect(text).toContain("TEST_SCRIPT: ${{ inputs.test-script }}");
    // a test-script that builds the site is told where and for which base, as the build step would be
    expect(test.envValues["DOCS_BASE"]).toBe(stepRunning(/^npm run "\$BUILD_SCRIPT"/).envValues["DOCS_BASE"]);
    expect(test.envValues["EXEMPLAR_SITE_DIST"]).toBe("${{ inputs.test-script-builds-site && inputs.dist || '' }}");
  });

  test("pull requests: install and test, check with annotations, build for /pr-N/, publish to pr-N/, comment", () => {
    const order = steps.filter((step) => step.job === "docs").map((step) => step.run ?? step.uses);
    const at = (pattern: RegExp) => order.findIndex((entry) => entry !== undefined && pattern.test(entry));
    expect(at(/^actions\/setup-node@/)).toBeGreaterThan(at(/^actions\/checkout@/));
    expect(at(/^npm run "\$TEST_SCRIPT"$/)).toBeGreaterThan(at(/^npm ci$/));
    expect(at(/exemplar check /)).toBeGreaterThan(at(/^npm run "\$TEST_SCRIPT"$/));
    expect(at(/^npm run "\$BUILD_SCRIPT"/)).toBeGreaterThan(at(/exemplar check /));
    expect(at(/exemplar publish .*--prefix "pr-\$PR_NUMBER"/)).toBeGreaterThan(at(/^npm run "\$BUILD_SCRIPT"/));
    expect(at(/exemplar pr-comment /)).toBeGreaterThan(at(/exemplar publish .*--prefix/));

    // a failing example is annotated even when the test-script failed first
    expect(stepRunning(/exemplar check /).if).toBe("${{ !cancelled() }}");
    // the build's base follows the prefix the publish uses, as DOCS_BASE and as VitePress's --base
    const build = stepRunning(/^npm run "\$BUILD_SCRIPT"/);
    expect(build.run).toBe('npm run "$BUILD_SCRIPT" -- --base "$DOCS_BASE"');
    expect(build.env).toEqual(["BUILD_SCRIPT", "DOCS_BASE"]);
    // built once: not again when the test-script built it
    expect(build.if).toBe("inputs.build-script != '' && !inputs.test-script-builds-site");
    expect(text).toContain("DOCS_BASE: ${{ github.event_name == 'pull_request' && format('/pr-{0}/', github.event.pull_request.number) || '/' }}");
    // both publishes upload the folder the build wrote
    for (const publish of runs.filter(({ run }) => /exemplar publish /.test(run!))) expect(publish.run).toContain('--dir "$DOCS_DIST"');
    expect(text).toMatch(/^ {2}DOCS_DIST: \$\{\{ inputs\.dist \}\}$/m);
    // the comment reads the report the check wrote, links the preview, names the merge commit
    // that was checked (GITHUB_SHA, what actions/checkout checks out) with its head and base,
    // and the steps that failed
    const comment = stepRunning(/exemplar pr-comment /);
    expect(comment.run).toContain('--report reports/check.json --commit "$GITHUB_SHA" --head "$HEAD_SHA" --base "$BASE_REF" --failed "$FAILED_STEPS"');
    expect(comment.run).toContain('--url "${DOCS_URL%/}/pr-$PR_NUMBER/"');
    expect(comment.env).toEqual(["GITHUB_TOKEN", "HEAD_SHA", "BASE_REF", "FAILED_STEPS"]);
    expect(comment.envValues["BASE_REF"]).toBe("${{ github.base_ref }}");
    // on every push, after a failure too; the preview only after everything before it passed
    expect(comment.if).toBe("${{ !cancelled() && github.event_name == 'pull_request' && env.PUBLISH == 'true' }}");
    expect(stepRunning(/exemplar publish .*--prefix/).if).toBe("github.event_name == 'pull_request' && env.PUBLISH == 'true'");
    // every step whose failure the comment names has the id FAILED_STEPS reads
    for (const id of ["install", "test", "check", "build", "preview"]) {
      expect(steps.filter((step) => step.job === "docs" && step.id === id), id).toHaveLength(1);
      expect(comment.envValues["FAILED_STEPS"], id).toContain(`steps.${id}.outcome == 'failure' && `);
    }
    expect(text).toMatch(/^ {4}permissions:\n {6}contents: read\n {6}pull-requests: write\n/m);
  });

  test("without a site (build-script empty) the committed pages are checked and nothing is built or published", () => {
    expect(stepRunning(/^npx --no exemplar splice --check$/).if).toBe("inputs.build-script == ''");
    expect(text).toMatch(/^ {2}PUBLISH: \$\{\{ inputs\.bucket != '' && inputs\.url != '' && inputs\.build-script != '' && /m);
  });

  test("main: the same checks, then the site at the bucket root, leaving the previews", () => {
    const root = stepRunning(/exemplar publish .*--root/);
    expect(root.if).toBe("github.event_name == 'push' && env.PUBLISH == 'true'");
    expect(root.run).toContain("--root --keep 'pr-*'");
  });

  test("closed pull requests: the preview is deleted, and nothing is built", () => {
    expect(text).toMatch(/^ {2}docs:\n {4}if: github\.event\.action != 'closed'\n/m);
    expect(text).toMatch(/^ {2}unpublish:\n {4}if: github\.event_name == 'pull_request' && github\.event\.action == 'closed'\n/m);
    const unpublish = stepRunning(/exemplar unpublish /, "unpublish");
    expect(unpublish.run).toContain('--prefix "pr-$PR_NUMBER"');
    expect(unpublish.run).not.toContain("--root");
  });

  test("forks: checks run and gate; publishing, commenting and unpublishing are skipped with a notice", () => {
    expect(text).toMatch(/^ {2}PUBLISH: \$\{\{ .* && \(github\.event_name == 'push' \|\| github\.event\.pull_request\.head\.repo\.full_name == github\.repository\) && secrets\.AWS_ACCESS_KEY_ID != '' && secrets\.AWS_SECRET_ACCESS_KEY != '' \}\}$/m);
    for (const step of runs.filter(({ run }) => /exemplar (publish|unpublish|pr-comment)/.test(run!))) expect(step.if, step.run).toMatch(/env\.PUBLISH == 'true'(?: \}\})?$/);
    // the checks never depend on it
    for (const pattern of [/^npm ci$/, /^npm run "\$TEST_SCRIPT"$/, /exemplar check /, /^npm run "\$BUILD_SCRIPT"/]) {
      expect(stepRunning(pattern).if ?? "").not.toContain("PUBLISH");
    }
    const notices = runs.filter(({ run }) => run!.startsWith('echo "::notice'));
    expect(notices.map((step) => [step.job, step.if])).toEqual([
      ["docs", "${{ !cancelled() && env.PUBLISH != 'true' }}"],
      ["unpublish", "env.PUBLISH != 'true'"],
    ]);
  });

  test("secrets reach only the steps that need them, as environment, never in a command line", () => {
    for (const step of steps) expect(step.run ?? "", step.name).not.toMatch(/\$\{\{/);
    const publishing = runs.filter(({ run }) => /exemplar (publish|unpublish)/.test(run!));
    expect(publishing).toHaveLength(3);
    for (const step of publishing) expect(step.env).toEqual(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
    expect(text.match(/\$\{\{ secrets\./g)).toHaveLength(6);
    // the workflow's env only asks whether they are set: true or false, never their value
    const workflowEnv = text.split("\n").filter((line) => /^ {2}[A-Z_]+: .*secrets\./.test(line));
    expect(workflowEnv.map((line) => line.slice(0, line.indexOf(":")).trim())).toEqual(["PUBLISH"]);
    expect(workflowEnv[0]!.match(/secrets\.\w+\b(?! != '')/g)).toBeNull();
    expect(workflowEnv[0]!.match(/secrets\.\w+ != ''/g)).toHaveLength(2);
  });
});
