// Reads the structure of this repository's workflow files for the tests beside it. No YAML parser
// is installed at the root, so it reads lines: the workflows keep one `if:` and one single-line
// `run:` per step and a fixed indentation, which the tests also hold them to (action-validator
// checks them as YAML).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const WORKFLOWS = join(ROOT, ".github/workflows");
export const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** action-validator's output for a workflow file: empty when GitHub would accept it; rejects with its exit code otherwise. */
export async function validate(file: string): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(join(ROOT, "node_modules/.bin/action-validator"), [file]);
  return stdout + stderr;
}

export interface Step {
  job: string;
  id: string | undefined;
  name: string | undefined;
  uses: string | undefined;
  if: string | undefined;
  run: string | undefined;
  /** the step's `env:` names */
  env: string[];
  /** the step's `env:`, name to value as written */
  envValues: Record<string, string>;
  /** `continue-on-error: true`: its failure does not fail the job */
  continueOnError: boolean;
}

/** The steps of each job: `jobs:` at column 0, jobs at 2, `steps:` at 4, `- ` at 6. */
export function stepsOf(workflow: string): Step[] {
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
      step = { job, id: undefined, name: undefined, uses: undefined, if: undefined, run: undefined, env: [], envValues: {}, continueOnError: false };
      steps.push(step);
    }
    if (step === undefined) continue;
    const field = /^ {6}(?:- | {2})(id|name|uses|if|run|env|continue-on-error):\s*(.*)$/.exec(line);
    if (field) {
      const [, key, value] = field;
      inEnv = key === "env";
      if (key === "continue-on-error") step.continueOnError = value === "true";
      else if (key !== "env") step[key as "id" | "name" | "uses" | "if" | "run"] = value!;
      continue;
    }
    const envEntry = /^ {10}([A-Z_]+):\s*(.*)$/.exec(line);
    if (inEnv && envEntry) {
      step.env.push(envEntry[1]!);
      step.envValues[envEntry[1]!] = envEntry[2]!;
    }
    else if (/^ {0,8}\S/.test(line)) inEnv = false;
  }
  return steps;
}

/**
 * The keys of the block that `header` (a whole line, e.g. `    inputs:`) opens, one indentation
 * step (two spaces) deeper, with the value on their line ("" when the value is a nested block).
 */
export function keysUnder(workflow: string, header: string): Map<string, string> {
  const lines = workflow.split("\n");
  const at = lines.indexOf(header);
  if (at < 0) throw new Error(`no line ${JSON.stringify(header)} in the workflow`);
  const indent = header.length - header.trimStart().length + 2;
  const keys = new Map<string, string>();
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const depth = line.length - line.trimStart().length;
    if (depth < indent) break;
    const key = depth === indent ? /^\s*([\w-]+):\s*(.*)$/.exec(line) : null;
    if (key) keys.set(key[1]!, key[2]!);
  }
  return keys;
}

/** Splits a shell command line into words, keeping quoted parts together (enough for these lines). */
export function words(command: string): string[] {
  return [...command.matchAll(/"[^"]*"|'[^']*'|\$\{[^}]*\}|\S+/g)].map(([word]) => word);
}
