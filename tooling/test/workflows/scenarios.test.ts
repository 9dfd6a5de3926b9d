// What this repository's docs.yml and the reusable exemplar.yml it calls do in each situation
// GitHub puts them in, evaluated on paper (simulateWorkflow): which steps run, which notice is
// printed, and what the pull request's comment is asked to say.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { HEAD_SHA, MERGE_SHA, simulateWorkflow, type Scenario, type StepRun } from "./simulateWorkflow.ts";
import { WORKFLOWS } from "./readWorkflow.ts";

const caller = readFileSync(join(WORKFLOWS, "docs.yml"), "utf8");
const reusable = readFileSync(join(WORKFLOWS, "exemplar.yml"), "utf8");

const vars = { DOCS_BUCKET: "docs", DOCS_URL: "https://docs.example.com/" };
const secrets = { DOCS_AWS_ACCESS_KEY_ID: "AKIA", DOCS_AWS_SECRET_ACCESS_KEY: "s3cr3t" };
const DEPENDABOT = "dependabot[bot]";

/** A short name for each step that matters: what it runs. */
function label({ step }: StepRun): string {
  const run = step.run ?? "";
  if (/exemplar publish .*--root/.test(run)) return "publish root";
  if (/exemplar publish .*--prefix/.test(run)) return "publish preview";
  for (const [pattern, name] of [[/exemplar pr-comment/, "comment"], [/exemplar unpublish/, "unpublish"], [/exemplar check/, "check"], [/exemplar splice/, "splice"], [/TEST_SCRIPT/, "test-script"], [/BUILD_SCRIPT/, "build"], [/^npm ci$/, "npm ci"], [/::notice/, "notice"]] as const) {
    if (pattern.test(run)) return name;
  }
  return step.uses!.replace(/@.*/, "");
}

function run(scenario: Scenario) {
  const jobs = simulateWorkflow(caller, reusable, scenario);
  const ran = (job: string) => jobs[job]?.filter(({ outcome }) => outcome !== "skipped").map(label);
  const notice = (job: string) => jobs[job]?.find((entry) => label(entry) === "notice" && entry.command !== undefined)?.command;
  const comment = jobs["docs"]?.find((entry) => label(entry) === "comment")?.command;
  return { docs: ran("docs"), unpublish: ran("unpublish"), docsNotice: notice("docs"), unpublishNotice: notice("unpublish"), comment };
}

// this repository's test-script builds the site (test-script-builds-site): no build step after it
const checks = ["actions/checkout", "actions/setup-node", "actions/cache", "test-script", "check", "actions/upload-artifact"];
const skipped = (reason: string) => `echo "::notice title=docs not published::${reason}; the checks above still gate the merge"`;
const FORK = "pull requests from forks get no secrets; the preview appears once the branch is pushed to this repository";
const DEPENDABOT_REASON = "Dependabot runs get Dependabot secrets, not Actions secrets; add the AWS keys under Settings > Secrets and variables > Dependabot to publish its previews";
const NO_KEYS = "the AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY secret is empty; pass both to publish";
const NO_BUCKET = "the bucket or url input is empty; pass both to publish";
const commentLine = (failed: string) =>
  `npx --no exemplar pr-comment --repo "octo/docs" --pr "12" --url "https://docs.example.com/pr-12/" --report reports/check.json --commit "${MERGE_SHA}" --head "${HEAD_SHA}" --base "main" --failed "${failed}"`;

describe("docs.yml calling exemplar.yml", () => {
  test("push to main, configured: the checks, then the site at the root; no comment, no notice", () => {
    expect(run({ event: "push", vars, secrets })).toEqual({ docs: [...checks, "publish root"], unpublish: undefined, docsNotice: undefined, unpublishNotice: undefined, comment: undefined });
  });

  test("push to main without the keys: nothing is published (it used to fail with empty keys), a notice says why", () => {
    expect(run({ event: "push", vars })).toMatchObject({ docs: [...checks, "notice"], docsNotice: skipped(NO_KEYS) });
  });

  test("pull request from this repository, configured: the checks, the preview, a green comment naming the merge commit", () => {
    expect(run({ event: "pull_request", vars, secrets })).toEqual({ docs: [...checks, "publish preview", "comment"], unpublish: undefined, docsNotice: undefined, unpublishNotice: undefined, comment: commentLine(",,,,") });
  });

  test.each([
    // the examples failed: no build, no new preview, but a red comment
    { fail: ["check"], docs: ["actions/checkout", "actions/setup-node", "actions/cache", "test-script", "check", "actions/upload-artifact", "comment"], failed: ",,the examples' check (exemplar check),," },
    // the test suite failed: the examples are still checked (annotations), then the comment
    { fail: ["test"], docs: ["actions/checkout", "actions/setup-node", "actions/cache", "test-script", "check", "actions/upload-artifact", "comment"], failed: ",the tests (npm run test:ci),,," },
    // the publish failed: said too
    { fail: ["preview"], docs: [...checks, "publish preview", "comment"], failed: ",,,,the preview's publish (exemplar publish)" },
    // keeping the report is a convenience: its failure holds nothing back and is not a check
    { fail: ["Keep the check report"], docs: [...checks, "publish preview", "comment"], failed: ",,,," },
  ])("pull request whose $fail.0 failed: the comment is still updated, naming it", ({ fail, docs, failed }) => {
    expect(run({ event: "pull_request", vars, secrets, fail })).toMatchObject({ docs, docsNotice: undefined, comment: commentLine(failed) });
  });

  test("pull request from a fork: no variables and no secrets reach it; the checks run, the notice gives the fork reason", () => {
    expect(run({ event: "pull_request", fork: true, vars, secrets })).toEqual({ docs: [...checks, "notice"], unpublish: undefined, docsNotice: skipped(FORK), unpublishNotice: undefined, comment: undefined });
  });

  test("a fork's pull request whose checks failed still gets the notice", () => {
    expect(run({ event: "pull_request", fork: true, fail: ["check"] })).toMatchObject({ docs: ["actions/checkout", "actions/setup-node", "actions/cache", "test-script", "check", "actions/upload-artifact", "notice"], docsNotice: skipped(FORK) });
  });

  test("Dependabot's pull request: variables but no secrets; no publish, no comment, its own notice", () => {
    expect(run({ event: "pull_request", actor: DEPENDABOT, vars })).toEqual({ docs: [...checks, "notice"], unpublish: undefined, docsNotice: skipped(DEPENDABOT_REASON), unpublishNotice: undefined, comment: undefined });
  });

  test("Dependabot's pull request with the keys added as Dependabot secrets: published, as the secrets decide", () => {
    expect(run({ event: "pull_request", actor: DEPENDABOT, vars, secrets })).toMatchObject({ docs: [...checks, "publish preview", "comment"], docsNotice: undefined });
  });

  test("pull request from this repository without the keys: the secrets' reason", () => {
    expect(run({ event: "pull_request", vars, secrets: { DOCS_AWS_ACCESS_KEY_ID: "AKIA" } })).toMatchObject({ docs: [...checks, "notice"], docsNotice: skipped(NO_KEYS) });
  });

  test("pull request while the bucket or url is unset: the inputs' reason, also for Dependabot", () => {
    expect(run({ event: "pull_request", vars: { DOCS_BUCKET: "docs" }, secrets })).toMatchObject({ docs: [...checks, "notice"], docsNotice: skipped(NO_BUCKET) });
    expect(run({ event: "pull_request", actor: DEPENDABOT, vars: { DOCS_URL: vars.DOCS_URL } })).toMatchObject({ docsNotice: skipped(NO_BUCKET) });
  });

  test.each([
    // a maintainer closes or merges it: the preview is deleted
    { name: "closed by a maintainer", scenario: { actor: "maintainer", secrets }, steps: ["actions/checkout", "actions/setup-node", "npm ci", "unpublish"], notice: undefined },
    // Dependabot closes its own superseded pull request: no secrets, so nothing to delete with
    { name: "closed by Dependabot", scenario: { actor: DEPENDABOT }, steps: ["notice"], notice: DEPENDABOT_REASON },
    { name: "a fork's, closed", scenario: { fork: true, secrets }, steps: ["notice"], notice: FORK },
  ])("closed pull request, $name: nothing is built", ({ scenario, steps, notice }) => {
    const result = run({ event: "pull_request", action: "closed", vars, ...scenario });
    expect(result).toMatchObject({ docs: undefined, unpublish: steps, comment: undefined });
    expect(result.unpublishNotice).toBe(notice && `echo "::notice title=docs preview not deleted::${notice}; nothing was published for this pull request"`);
  });
});

describe("a caller whose test-script does not build the site", () => {
  const building = caller.replace(/^ {6}test-script-builds-site: true\n/m, "");
  const docsOf = (scenario: Scenario) => simulateWorkflow(building, reusable, scenario)["docs"]!.filter(({ outcome }) => outcome !== "skipped").map(label);
  const failedOf = (scenario: Scenario) => simulateWorkflow(building, reusable, scenario)["docs"]!.find((entry) => label(entry) === "comment")?.command;

  test("the build step builds it, after the check, and the test-script is not told where", () => {
    expect(building).not.toBe(caller);
    expect(docsOf({ event: "pull_request", vars, secrets })).toEqual([...checks, "build", "publish preview", "comment"]);
    const test = simulateWorkflow(building, reusable, { event: "pull_request", vars, secrets })["docs"]!.find((entry) => label(entry) === "test-script")!;
    expect(test.step.envValues["EXEMPLAR_SITE_DIST"]).toBe("${{ inputs.test-script-builds-site && inputs.dist || '' }}");
  });

  test("its build failed: the last good preview stays, and the comment names the build", () => {
    expect(docsOf({ event: "pull_request", vars, secrets, fail: ["build"] })).toEqual([...checks, "build", "comment"]);
    expect(failedOf({ event: "pull_request", vars, secrets, fail: ["build"] })).toBe(commentLine(",,,the site build (npm run docs:build),"));
  });
});

describe("the paper run is not vacuous", () => {
  test("a workflow whose PUBLISH ignored the secrets would publish Dependabot's pull requests", () => {
    const ignoring = reusable.replace(/ && secrets\.AWS_ACCESS_KEY_ID != '' && secrets\.AWS_SECRET_ACCESS_KEY != '' \}\}/, " }}");
    expect(ignoring).not.toBe(reusable);
    expect(simulateWorkflow(caller, ignoring, { event: "pull_request", actor: DEPENDABOT, vars })["docs"]!.map(label)).toContain("publish preview");
  });

  test("a comment step with the default status would not run after a failure", () => {
    const defaulted = reusable.replace("if: ${{ !cancelled() && github.event_name == 'pull_request' && env.PUBLISH == 'true' }}", "if: github.event_name == 'pull_request' && env.PUBLISH == 'true'");
    expect(defaulted).not.toBe(reusable);
    const steps = simulateWorkflow(caller, defaulted, { event: "pull_request", vars, secrets, fail: ["check"] })["docs"]!;
    expect(steps.find((entry) => label(entry) === "comment")!.outcome).toBe("skipped");
  });
});
