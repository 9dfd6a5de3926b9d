// Runs a caller workflow and the reusable workflow it calls on paper, for the workflow tests:
// the caller's `with:` and `secrets:` are evaluated with the repository's variables and secrets
// as the scenario gives them, the reusable workflow's `env:` with what it received, then each
// job's and each step's `if:` in order, with the status functions following the steps that the
// scenario makes fail. What it returns is what GitHub would run and what each run line would
// say, with the environment expanded.
import { evaluateExpression, interpolate, text, truthy, type Value } from "./evaluateExpression.ts";
import { keysUnder, stepsOf, type Step } from "./readWorkflow.ts";

export const REPOSITORY = "octo/docs";
export const HEAD_SHA = "0123456789abcdef0123456789abcdef01234567";
export const MERGE_SHA = "fedcba9876543210fedcba9876543210fedcba98";

export interface Scenario {
  event: "push" | "pull_request";
  /** the pull request's action (default synchronize) */
  action?: "opened" | "synchronize" | "reopened" | "closed";
  /** the pull request comes from a fork: GitHub gives its run neither the secrets nor the variables */
  fork?: boolean;
  /** who triggered the run (default a maintainer) */
  actor?: string;
  /** the repository's Actions variables */
  vars?: Record<string, string>;
  /** the secrets that reach the run (Dependabot's runs get Dependabot's, not Actions') */
  secrets?: Record<string, string>;
  /** ids (or names) of the steps that fail when they run */
  fail?: string[];
}

export interface StepRun {
  step: Step;
  outcome: "success" | "failure" | "skipped";
  /** its `run:` line with the environment expanded, when it ran one */
  command: string | undefined;
}

/** Each job of the reusable workflow: undefined when the job's `if:` skips it. */
export function simulateWorkflow(caller: string, reusable: string, scenario: Scenario): Record<string, StepRun[] | undefined> {
  const pull = scenario.event === "pull_request";
  const github: Value = {
    event_name: scenario.event,
    repository: REPOSITORY,
    actor: scenario.actor ?? "maintainer",
    ref: pull ? "refs/pull/12/merge" : "refs/heads/main",
    sha: pull ? MERGE_SHA : HEAD_SHA,
    base_ref: pull ? "main" : "",
    token: "ghs_token",
    event: pull
      ? { action: scenario.action ?? "synchronize", pull_request: { number: 12, head: { sha: HEAD_SHA, repo: { full_name: scenario.fork ? "someone/docs" : REPOSITORY } }, base: { ref: "main" } } }
      : {},
  };
  const callerContext = { github, vars: scenario.fork ? {} : (scenario.vars ?? {}), secrets: scenario.fork ? {} : (scenario.secrets ?? {}) };
  const inputs = inputsOf(reusable);
  for (const [name, value] of keysUnder(caller, "    with:")) inputs[name] = typed(interpolate(value, callerContext), inputs[name] ?? null);
  const secrets: Record<string, Value> = {};
  for (const [name, value] of keysUnder(caller, "    secrets:")) secrets[name] = interpolate(value, callerContext);

  const env: Record<string, Value> = {};
  for (const [name, value] of keysUnder(reusable, "env:")) env[name] = interpolate(value, { github, inputs, secrets });

  const jobs: Record<string, StepRun[] | undefined> = {};
  const steps = stepsOf(reusable);
  for (const job of new Set(steps.map((step) => step.job))) {
    const jobIf = new RegExp(`^ {2}${job}:\\n {4}if: (.*)$`, "m").exec(reusable)?.[1];
    if (jobIf !== undefined && !truthy(evaluateExpression(withStatus(jobIf), { github, inputs }))) {
      jobs[job] = undefined;
      continue;
    }
    const outcomes: Record<string, Value> = {};
    const status = { failed: false, cancelled: false };
    jobs[job] = steps.filter((step) => step.job === job).map((step) => {
      const context = { github, inputs, env, steps: outcomes };
      const runs = truthy(evaluateExpression(withStatus(step.if ?? "success()"), context, status));
      const fails = runs && (scenario.fail ?? []).some((name) => name === step.id || name === step.name);
      const outcome = !runs ? "skipped" : fails ? "failure" : "success";
      if (fails && !step.continueOnError) status.failed = true;
      if (step.id !== undefined) outcomes[step.id] = { outcome, conclusion: outcome };
      const stepEnv: Record<string, string> = { GITHUB_SHA: text(github.sha), GITHUB_REPOSITORY: REPOSITORY };
      for (const [name, value] of Object.entries(env)) stepEnv[name] = text(value);
      for (const [name, value] of Object.entries(step.envValues)) stepEnv[name] = interpolate(value, { github, inputs, env, secrets, steps: outcomes });
      return { step, outcome, command: runs && step.run !== undefined ? expand(step.run, stepEnv) : undefined };
    });
  }
  return jobs;
}

/** The declared inputs' defaults, typed. */
function inputsOf(reusable: string): Record<string, Value> {
  const inputs: Record<string, Value> = {};
  for (const [, name, type, value] of reusable.matchAll(/^ {6}([\w-]+):\n {8}description: .*\n {8}type: (\w+)\n {8}default: (.*)$/gm)) {
    inputs[name!] = type === "number" ? Number(value) : type === "boolean" ? value === "true" : value!.replace(/^"(.*)"$/, "$1");
  }
  return inputs;
}

function typed(value: string, declared: Value): Value {
  return typeof declared === "number" ? Number(value) : typeof declared === "boolean" ? value === "true" : value;
}

/** An `if:` as the runner reads it: without `${{ }}`, and with `success() &&` unless it calls a status function. */
function withStatus(condition: string): string {
  const bare = condition.replace(/^\$\{\{(.*)\}\}$/, "$1").trim();
  return /\b(success|failure|cancelled|always)\(\)/.test(bare) ? bare : `success() && (${bare})`;
}

/** `$NAME`, `${NAME}` and `${NAME%/}` as the shell expands them (enough for these run lines). */
function expand(command: string, env: Record<string, string>): string {
  return command.replace(/\$\{([A-Z_]+)(%\/)?\}|\$([A-Z_]+)/g, (whole, braced: string | undefined, strip: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare!;
    if (!(name in env)) return whole;
    return strip ? env[name]!.replace(/\/$/, "") : env[name]!;
  });
}
