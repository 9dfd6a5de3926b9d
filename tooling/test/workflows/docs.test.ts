// .github/workflows/docs.yml, this repository's CI: valid for GitHub (action-validator), and a
// caller of the reusable exemplar.yml like another repository's, with what this one adds (the
// Debian container and the test suite) passed as inputs that exemplar.yml declares.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { interpolate } from "./evaluateExpression.ts";
import { WORKFLOWS, keysUnder, scripts, validate } from "./readWorkflow.ts";

const FILE = join(WORKFLOWS, "docs.yml");
const text = readFileSync(FILE, "utf8");
const reusable = readFileSync(join(WORKFLOWS, "exemplar.yml"), "utf8");
const inputs = keysUnder(text, "    with:");
const secrets = keysUnder(text, "    secrets:");

describe(".github/workflows/docs.yml", () => {
  test("action-validator accepts it", async () => {
    expect(await validate(FILE)).toBe("");
  });

  test("runs on pull requests (opened, synchronize, reopened, closed) and on pushes to main", () => {
    expect(text).toMatch(/^on:\n {2}pull_request:\n {4}types: \[opened, synchronize, reopened, closed\]\n {2}push:\n {4}branches: \[main\]\n(?! )/m);
  });

  test("one run per pull request at a time: a new push cancels the run it supersedes", () => {
    expect(text).toMatch(/^concurrency:\n {2}group: docs-\$\{\{ github\.event\.pull_request\.number \|\| github\.ref \}\}\n {2}cancel-in-progress: \$\{\{ github\.event_name == 'pull_request' \}\}\n/m);
  });

  test.each([
    // a push to main: its own group, never cancelled midway (a root publish uploads, then deletes)
    { github: { event_name: "push", ref: "refs/heads/main", event: {} }, group: "docs-refs/heads/main", cancel: "false" },
    // a pull request, pushed to or closed: a newer run cancels the one it supersedes
    { github: { event_name: "pull_request", ref: "refs/pull/12/merge", event: { action: "synchronize", pull_request: { number: 12 } } }, group: "docs-12", cancel: "true" },
    { github: { event_name: "pull_request", ref: "refs/pull/12/merge", event: { action: "closed", pull_request: { number: 12 } } }, group: "docs-12", cancel: "true" },
  ])("concurrency on $github.event_name $github.event.action: group $group, cancel-in-progress $cancel", ({ github, group, cancel }) => {
    const concurrency = keysUnder(text, "concurrency:");
    expect(interpolate(concurrency.get("group")!, { github })).toBe(group);
    expect(interpolate(concurrency.get("cancel-in-progress")!, { github })).toBe(cancel);
  });

  test("the job runs with a timeout: a job that calls a reusable workflow cannot set one, so it passes the input", () => {
    expect(inputs.get("timeout-minutes")).toBe("40");
    expect(text).not.toMatch(/^ {4}timeout-minutes:/m);
  });

  test("has one job, which calls the reusable workflow of this commit with the token's rights to comment", () => {
    expect(text).toMatch(/^jobs:\n {2}docs:\n {4}uses: \.\/\.github\/workflows\/exemplar\.yml\n {4}permissions:\n {6}contents: read\n {6}pull-requests: write\n {4}with:\n/m);
    expect(text).not.toMatch(/^ {4}(steps|runs-on):/m);
  });

  test("passes only inputs and secrets that exemplar.yml declares", () => {
    const declared = keysUnder(reusable, "    inputs:");
    const declaredSecrets = keysUnder(reusable, "    secrets:");
    expect([...inputs.keys()].filter((name) => !declared.has(name))).toEqual([]);
    expect([...secrets.keys()].filter((name) => !declaredSecrets.has(name))).toEqual([]);
  });

  test("runs the whole test suite in Debian (chromium and PostgreSQL from apt-get) before the examples", () => {
    expect(inputs.get("container")).toBe("node:20-bookworm");
    expect(inputs.get("test-script")).toBe("test:ci");
    expect(scripts["test:ci"]).toBe("bash .ci/run");
    const run = readFileSync(join(WORKFLOWS, "../../.ci/run"), "utf8");
    // installs, builds the site once (for the workflow's DOCS_BASE, where EXEMPLAR_SITE_DIST says), then tests
    const lines = ["npm ci", 'npm run docs:build -- --base "${DOCS_BASE:-/}" --outDir "$EXEMPLAR_SITE_DIST"', "npm test"];
    for (const line of lines) expect(run).toMatch(new RegExp(`^${line.replace(/[$^(){}[\]|.*+?\\]/g, "\\$&")}$`, "m"));
    const at = lines.map((line) => run.indexOf(`\n${line}\n`));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(run).toMatch(/^export EXEMPLAR_SITE_DIST="\$\{EXEMPLAR_SITE_DIST:-docs\/\.vitepress\/dist\}"$/m);
  });

  test("builds the site once: in its test-script, whose browser test reads that build; the build step is skipped", () => {
    expect(inputs.get("test-script-builds-site")).toBe("true");
  });

  test("builds the site with the default build-script, docs:build, which VitePress builds with --base", () => {
    expect(inputs.has("build-script")).toBe(false);
    expect(reusable).toMatch(/^ {6}build-script:\n.*\n.*\n {8}default: docs:build\n/m);
    expect(scripts["docs:build"]).toBe("vitepress build docs");
  });

  test("publishing is configured by the repository's variables, and the keys are passed as the reusable workflow's secrets", () => {
    expect(Object.fromEntries(inputs)).toMatchObject({
      bucket: "${{ vars.DOCS_BUCKET }}",
      url: "${{ vars.DOCS_URL }}",
      region: "${{ vars.DOCS_REGION || 'us-east-1' }}",
      endpoint: "${{ vars.DOCS_ENDPOINT }}",
    });
    expect(Object.fromEntries(secrets)).toEqual({
      AWS_ACCESS_KEY_ID: "${{ secrets.DOCS_AWS_ACCESS_KEY_ID }}",
      AWS_SECRET_ACCESS_KEY: "${{ secrets.DOCS_AWS_SECRET_ACCESS_KEY }}",
    });
  });

  test("is the only workflow that runs the test suite (no duplicate gating)", () => {
    // what a workflow does, not what its comments say
    const code = (name: string) => readFileSync(join(WORKFLOWS, name), "utf8").replace(/^\s*#.*$/gm, "");
    const gating = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name) && /\.ci\/run|npm test|test:ci/.test(code(name)));
    expect(gating).toEqual(["docs.yml"]);
  });
});
