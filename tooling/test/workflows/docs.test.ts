// .github/workflows/docs.yml: valid for GitHub (action-validator), and thin: each step calls an npm
// script or an exemplar command that exists, with flags that command knows. No YAML parser is
// installed at the root, so the structure is read with careful line checks: the workflow keeps
// one `if:` and one single-line `run:` per step, which these checks also hold it to.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { commands } from "../../src/cli/main.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const WORKFLOWS = join(ROOT, ".github/workflows");
const FILE = join(WORKFLOWS, "docs.yml");
const text = readFileSync(FILE, "utf8");
const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const validator = join(ROOT, "node_modules/.bin/action-validator");

interface Step {
  job: string;
  name: string | undefined;
  uses: string | undefined;
  if: string | undefined;
  run: string | undefined;
  /** the step's `env:` names */
  env: string[];
}

/** The steps of each job: `jobs:` at column 0, jobs at 2, `steps:` at 4, `- ` at 6. */
function stepsOf(workflow: string): Step[] {
  const steps: Step[] = [];
  let job = "";
  let step: Step | undefined;
  let inEnv = false;
  for (const line of workflow.split("\n")) {
    const jobName = /^ {2}([\w-]+):\s*$/.exec(line)?.[1];
    if (jobName !== undefined) {
      job = jobName;
      step = undefined;
      continue;
    }
    const start = /^ {6}- (.*)$/.exec(line);
    if (start) {
      step = { job, name: undefined, uses: undefined, if: undefined, run: undefined, env: [] };
      steps.push(step);
    }
    if (step === undefined) continue;
    const field = /^ {6}(?:- | {2})(name|uses|if|run|env):\s*(.*)$/.exec(line);
    if (field) {
      const [, key, value] = field;
      inEnv = key === "env";
      if (key !== "env") step[key as "name" | "uses" | "if" | "run"] = value!;
      continue;
    }
    const envName = /^ {10}([A-Z_]+):/.exec(line)?.[1];
    if (inEnv && envName) step.env.push(envName);
    else if (/^ {0,8}\S/.test(line)) inEnv = false;
  }
  return steps;
}

const steps = stepsOf(text);
const runs = steps.filter((step) => step.run !== undefined);
const stepRunning = (pattern: RegExp) => {
  const found = runs.filter((step) => pattern.test(step.run!));
  expect(found, `one step runs ${pattern}`).toHaveLength(1);
  return found[0]!;
};

/** Splits a shell command line into words, keeping quoted parts together (enough for these lines). */
function words(command: string): string[] {
  return [...command.matchAll(/"[^"]*"|'[^']*'|\$\{[^}]*\}|\S+/g)].map(([word]) => word);
}

describe(".github/workflows/docs.yml", () => {
  test("action-validator accepts it", async () => {
    const { stdout, stderr } = await promisify(execFile)(validator, [FILE]);
    expect(stdout + stderr).toBe("");
  });

  test("action-validator would catch a broken workflow (the check above is not vacuous)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exemplar-workflow-"));
    try {
      const broken = join(dir, "broken.yml");
      await writeFile(broken, text.replace("runs-on: ubuntu-latest", "runs-in: ubuntu-latest"));
      await expect(promisify(execFile)(validator, [broken])).rejects.toMatchObject({ code: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("runs on pull requests (opened, synchronize, reopened, closed) and on pushes to main", () => {
    expect(text).toMatch(/^on:\n {2}pull_request:\n {4}types: \[opened, synchronize, reopened, closed\]\n {2}push:\n {4}branches: \[main\]\n(?! )/m);
  });

  test("one run per pull request at a time: a new push cancels the run it supersedes", () => {
    expect(text).toMatch(/^concurrency:\n {2}group: docs-\$\{\{ github\.event\.pull_request\.number \|\| github\.ref \}\}\n {2}cancel-in-progress: true\n/m);
  });

  test("is the only workflow that runs the test suite (no duplicate gating)", () => {
    const gating = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name) && /\.ci\/run|npm test/.test(readFileSync(join(WORKFLOWS, name), "utf8")));
    expect(gating).toEqual(["docs.yml"]);
  });

  test("every run step is one line calling npm ci, an npm script that exists, an exemplar command, .ci/run or a notice", async () => {
    expect(text).not.toMatch(/run:\s*[|>]/);
    const exemplarCommands = new Map(await Promise.all(commands.map(async (entry) => [entry.name, await entry.load()] as const)));
    for (const { run } of runs) {
      const [program, first, second, ...rest] = words(run!);
      if (program === "npm" && first === "run") expect(scripts, run).toHaveProperty([second!]);
      else if (program === "npm") expect(first, run).toBe("ci");
      else if (program === "npx") {
        expect(first, run).toBe("exemplar");
        const command = exemplarCommands.get(second!);
        expect(command, `${run}: exemplar has no command ${second}`).toBeDefined();
        // every flag the step passes is one the command documents
        for (const flag of rest.filter((word) => word.startsWith("--"))) expect(command!.help, `${run}: ${flag}`).toContain(`${flag} `);
      } else if (program === "bash") expect(existsSync(join(ROOT, first!)), run).toBe(true);
      else expect(run, "only a notice may be echoed").toMatch(/^echo "::notice title=[^:]+::[^"]*"$/);
    }
    // the npm scripts it calls are exemplar commands and the site build
    expect(scripts["docs:check:ci"]).toBe("exemplar check --strict --reporter github --json-out reports/check.json");
    expect(scripts["docs:build"]).toBe("vitepress build docs");
  });

  test("pull requests: test, check with annotations, build for /pr-N/, publish to pr-N/, comment", () => {
    const docs = steps.filter((step) => step.job === "docs");
    const order = docs.map((step) => step.run ?? step.uses);
    const at = (pattern: RegExp) => order.findIndex((entry) => entry !== undefined && pattern.test(entry));
    expect(at(/^bash \.ci\/run$/)).toBeGreaterThan(at(/^actions\/checkout@/));
    expect(at(/^npm run docs:check:ci$/)).toBeGreaterThan(at(/^bash \.ci\/run$/));
    expect(at(/^npm run docs:build$/)).toBeGreaterThan(at(/^npm run docs:check:ci$/));
    expect(at(/exemplar publish .*--prefix "pr-\$PR_NUMBER"/)).toBeGreaterThan(at(/^npm run docs:build$/));
    expect(at(/exemplar pr-comment /)).toBeGreaterThan(at(/exemplar publish .*--prefix/));

    // a failing example is annotated even when the test suite failed first
    expect(stepRunning(/^npm run docs:check:ci$/).if).toBe("${{ !cancelled() }}");
    // the build's base follows the prefix the publish uses
    expect(text).toContain("DOCS_BASE: ${{ github.event_name == 'pull_request' && format('/pr-{0}/', github.event.pull_request.number) || '/' }}");
    expect(stepRunning(/^npm run docs:build$/).if).toBeUndefined();
    // the comment reads the report the check wrote, and links the preview
    const comment = stepRunning(/exemplar pr-comment /);
    expect(comment.run).toContain('--report reports/check.json --commit "$HEAD_SHA"');
    expect(comment.run).toContain('--url "${DOCS_URL%/}/pr-$PR_NUMBER/"');
    expect(comment.env).toEqual(["GITHUB_TOKEN", "HEAD_SHA"]);
    expect(text).toMatch(/ {6}pull-requests: write\n/);
  });

  test("main: the same checks, then the site at the bucket root, leaving the previews", () => {
    const root = stepRunning(/exemplar publish .*--root/);
    expect(root.if).toBe("github.event_name == 'push' && env.PUBLISH == 'true'");
    expect(root.run).toContain("--root --keep 'pr-*'");
  });

  test("closed pull requests: the preview is deleted, and nothing is built", () => {
    expect(text).toMatch(/^ {2}docs:\n {4}if: github\.event\.action != 'closed'\n/m);
    expect(text).toMatch(/^ {2}unpublish:\n {4}if: github\.event_name == 'pull_request' && github\.event\.action == 'closed'\n/m);
    const unpublish = stepRunning(/exemplar unpublish /);
    expect(unpublish.job).toBe("unpublish");
    expect(unpublish.run).toContain('--prefix "pr-$PR_NUMBER"');
    expect(unpublish.run).not.toContain("--root");
  });

  test("forks: checks run and gate; publishing, commenting and unpublishing are skipped with a notice", () => {
    expect(text).toMatch(/^ {2}PUBLISH: \$\{\{ vars\.DOCS_BUCKET != '' && vars\.DOCS_URL != '' && \(github\.event_name == 'push' \|\| github\.event\.pull_request\.head\.repo\.full_name == github\.repository\) \}\}$/m);
    for (const step of runs.filter(({ run }) => /exemplar (publish|unpublish|pr-comment)/.test(run!))) expect(step.if, step.run).toMatch(/env\.PUBLISH == 'true'$/);
    // the checks never depend on it
    for (const pattern of [/^bash \.ci\/run$/, /^npm run docs:check:ci$/, /^npm run docs:build$/]) expect(stepRunning(pattern).if ?? "").not.toContain("PUBLISH");
    const notices = runs.filter(({ run }) => run!.startsWith('echo "::notice'));
    expect(notices.map((step) => [step.job, step.if])).toEqual([
      ["docs", "env.PUBLISH != 'true'"],
      ["unpublish", "env.PUBLISH != 'true'"],
    ]);
  });

  test("secrets reach only the steps that need them, as environment, never in a command line", () => {
    for (const step of steps) expect(step.run ?? "", step.name).not.toMatch(/\$\{\{/);
    for (const step of runs.filter(({ run }) => /exemplar (publish|unpublish)/.test(run!))) expect(step.env).toEqual(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
    const withSecrets = steps.filter((step) => step.env.length > 0 && !/exemplar (publish|unpublish|pr-comment)|docs:build/.test(step.run ?? ""));
    expect(withSecrets).toEqual([]);
  });
});
