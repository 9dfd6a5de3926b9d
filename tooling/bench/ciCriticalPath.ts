/**
 * This repository's own CI critical path, as the docs workflow runs it on a pull request: the
 * test-script (`npm run test:ci`, i.e. `.ci/run`), the annotations' check (`npm run
 * docs:check:ci`) and the site build (`npm run docs:build -- --base /pr-1/`, skipped when
 * docs.yml says `test-script-builds-site: true`), in sequence, on a fresh clone of REF with an
 * empty result cache, as a CI job without a restored cache starts. Times each step and reads
 * what each run of the examples said (`Examples: 61 passed (61 cached), 0 failed`, from
 * `exemplar check` and, since the build says it too, from the site build): examples run =
 * passed + failed - cached. Used by ci.bench.ts when BENCH_CI_PATH names the refs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PathStep {
  step: string;
  seconds: number;
  /** each summary line the step printed, and the examples that ran in it */
  summaries: string[];
  ran: number;
  /** the first summary line, whose counts a silent build of a cacheless ref is counted with */
  full?: RegExpMatchArray;
}

const summaryLine = /Examples: (\d+) passed(?: \((\d+) cached\))?, (\d+) failed/g;

export function measureCriticalPath(repo: string, ref: string): { ref: string; commit: string; steps: PathStep[] } {
  const dir = path.join(tmpdir(), `exemplar-ci-path-${ref.replace(/[^\w.-]/g, "_")}`);
  rmSync(dir, { recursive: true, force: true });
  const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  spawnSync("git", ["clone", "-q", repo, dir], { encoding: "utf8" });
  if (git("checkout", "-q", ref).status !== 0) throw new Error(`cannot check out ${ref} in ${dir}`);
  const commit = git("rev-parse", "--short", "HEAD").stdout.trim();
  const caller = readFileSync(path.join(dir, ".github/workflows/docs.yml"), "utf8");
  const buildsInTests = /^\s+test-script-builds-site: true$/m.test(caller);
  // as the workflow gives them: DOCS_BASE to the build, and to a test-script that builds the site
  const base: Record<string, string | undefined> = { ...process.env, CI: "1" };
  delete base["EXEMPLAR_CACHE"];
  const testEnv = buildsInTests ? { ...base, DOCS_BASE: "/pr-1/", EXEMPLAR_SITE_DIST: "docs/.vitepress/dist" } : base;
  const buildEnv = { ...base, DOCS_BASE: "/pr-1/" };
  // before the result cache, a site build printed no summary and ran every example: such a build
  // (the browser test's, inside the test-script, and the build step) is counted as a full run
  const cacheless = !existsSync(path.join(dir, "tooling/src/cache"));
  const steps: PathStep[] = [];
  const run = (step: string, args: string[], env: Record<string, string | undefined>, silentBuilds = 0) => {
    const started = performance.now();
    const result = spawnSync("npm", args, { cwd: dir, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    const output = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) throw new Error(`${ref}: ${step} failed (exit ${result.status}):\n${output.slice(-3000)}`);
    const summaries = [...output.matchAll(summaryLine)];
    let ran = summaries.reduce((sum, [, passed, cached, failed]) => sum + Number(passed) + Number(failed) - Number(cached ?? 0), 0);
    const [, passed, , failed] = summaries[0] ?? steps[0]?.full ?? [];
    if (cacheless && silentBuilds > 0) ran += silentBuilds * (Number(passed) + Number(failed));
    const lines = summaries.map(([line]) => line);
    if (cacheless && silentBuilds > 0) lines.push(`${silentBuilds} site build${silentBuilds > 1 ? "s" : ""} printing no summary, counted as full runs`);
    steps.push({ step, seconds, summaries: lines, ran, ...(summaries[0] ? { full: summaries[0] } : {}) });
    console.log(`  ${ref} ${step.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s  examples run: ${ran} (${lines.join(" | ") || "no summary printed"})`);
  };
  run("test-script (npm run test:ci)", ["run", "test:ci"], testEnv, buildsInTests ? 0 : 1);
  run("check (npm run docs:check:ci)", ["run", "docs:check:ci"], base);
  if (!buildsInTests) run("build (npm run docs:build -- --base /pr-1/)", ["run", "docs:build", "--", "--base", "/pr-1/"], buildEnv, 1);
  if (!existsSync(path.join(dir, "docs/.vitepress/dist/index.html"))) throw new Error(`${ref}: no site was built`);
  rmSync(dir, { recursive: true, force: true });
  return { ref, commit, steps };
}
