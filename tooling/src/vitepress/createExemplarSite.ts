import path from "node:path";
import { checkProject, type CheckReport } from "../checkProject.ts";
import type { ExemplarConfig } from "../config/defineConfig.ts";
import { loadConfig, resolveConfig, type ResolvedConfig } from "../config/loadConfig.ts";
import type { Example } from "../example.ts";
import { glob } from "tinyglobby";
import { globBase } from "../files/globBase.ts";
import { exampleIgnores, readExampleFiles } from "../files/readExampleFiles.ts";
import { findExamples, type FoundExamples } from "../find/findExamples.ts";
import { formatProblem, type Problem } from "../find/Problem.ts";
import { runSetup, type ActiveSetup } from "../setup/runSetup.ts";
import { findKeyedBlocks } from "../splice/findKeyedBlocks.ts";
import { resolveBlock } from "../splice/resolveBlock.ts";
import { spliceMarkdown } from "../splice/spliceMarkdown.ts";
import { coalesceRuns } from "./coalesceRuns.ts";
import type { FenceState } from "./decorateFence.ts";
import type { ExemplarSite, SiteRefresh } from "./ExemplarSite.ts";
import { mergeRun, type SiteState } from "./mergeRun.ts";

export interface ExemplarSiteOptions {
  /** the folder of `exemplar.config.ts`; default: the working directory */
  root?: string;
  /** a config file other than `exemplar.config.ts` */
  configFile?: string;
  /** the config itself, instead of a file (paths relative to `root`) */
  config?: ExemplarConfig;
  /** runs the examples (default `checkProject`); tests pass one that takes the time they say */
  check?: typeof checkProject | undefined;
  /** starts the config's setup module (default `runSetup`) */
  runSetup?: typeof runSetup | undefined;
}

export function createExemplarSite(options: ExemplarSiteOptions = {}): ExemplarSite {
  const root = options.root ?? process.cwd();
  const check = options.check ?? checkProject;
  // set by `read`, which every use awaits
  let config!: ResolvedConfig;
  let state: SiteState;
  // until a run finds no problem, pages have nothing to keep: a refresh runs every example
  let clean = false;
  let closed = false;
  // per page: the problem of each block word (`example-output=key`), and the keys it shows
  const problems = new Map<string, Map<string, string>>();
  const keysOnPage = new Map<string, Set<string>>();
  const relativeTo = (file: string) => path.relative(config.root, file).split(path.sep).join("/");

  /** takes in a run (of the `covered` files, or of all); returns the pages it may change */
  const use = (next: CheckReport, found: FoundExamples, covered?: ReadonlySet<string>): string[] => {
    const before = state;
    state = mergeRun(before, next, found, covered);
    clean ||= next.problems.length === 0;
    // a page changes when it shows an example of a file that ran, had problems or has them now
    const touched = new Set([...(covered ?? []), ...[before, state].flatMap(({ report }) => report.problems.map((problem) => problem.file))]);
    const fileOf = new Map([...before.context.examples, ...state.context.examples].map((example) => [example.key, example.file]));
    return [...keysOnPage]
      .filter(([, keys]) => [...keys].some((key) => !covered || !state.context.verdicts.has(key) || touched.has(fileOf.get(key) ?? "")))
      .map(([page]) => page);
  };

  // the files are read before the first run, so that the dev server watches them during it: a
  // save made then is not lost
  const read = (async () => {
    config = options.config ? resolveConfig(options.config, root) : await loadConfig(root, options.configFile);
    const sources = await readExampleFiles(config.root, config.examples);
    const report = { problems: [], typeErrors: [], examples: [], verdicts: [], updated: [], notUpdated: [], sources, durationMs: 0, timings: {} };
    state = { report, context: { examples: [], sources: new Map(), verdicts: new Map() } };
    return sources;
  })();
  const files = read.then((sources) => sources.map((source) => path.join(config.root, source.file)));

  // a setup that can reset its fixtures (see SetupResult.reset) starts once and serves every
  // refresh: starting a registry per save would cost the writer's loop seconds. One that cannot
  // is started afresh by each run, since examples may count on fresh fixtures (`saved churn v1`).
  const started = read.then(() => (config.setup ? (options.runSetup ?? runSetup)(config.setup) : undefined));
  const stopped = new WeakMap<ActiveSetup, Promise<void>>();
  const stop = (active: ActiveSetup | undefined) => {
    if (active && !stopped.has(active)) stopped.set(active, active.teardown());
    return active ? stopped.get(active)! : Promise.resolve();
  };
  let setup: ActiveSetup | undefined;
  const ready = (async () => {
    const sources = await read;
    const active = await started;
    try {
      let found: FoundExamples | undefined;
      const next = await check(config, { sources, find: (all) => (found = findExamples(all)), ...(active ? { setup: active } : {}) });
      use(next, found ?? findExamples(next.sources));
    } finally {
      if (active?.reset && !closed) setup = active;
      else await stop(active);
    }
  })();
  // nothing may await these (a build that fails early): their errors reach whoever does
  files.catch(() => {});
  started.catch(() => {});

  let waitingSince: number | undefined;
  const enqueue = coalesceRuns(async (changed: string[]): Promise<SiteRefresh> => {
    const asked = waitingSince ?? performance.now();
    waitingSince = undefined;
    await ready;
    const startedAt = performance.now();
    const waitedMs = Math.round(startedAt - asked);
    if (closed) return { files: changed, pages: [], ran: false, durationMs: 0, waitedMs };
    const covered = clean ? new Set(changed.map(relativeTo)) : undefined;
    await setup?.reset?.();
    let found: FoundExamples | undefined;
    const next = await check(config, {
      find: (all) => (found = findExamples(all)),
      ...(covered ? { select: (example: Example) => covered.has(example.file) } : {}),
      ...(setup ? { setup } : {}),
    });
    const pages = use(next, found ?? findExamples(next.sources), covered);
    return { files: changed, pages, ran: true, durationMs: Math.round(performance.now() - startedAt), waitedMs };
  });

  return {
    ready,
    files,
    config: () => config,
    report: () => state.report,
    splice(file, text) {
      const relative = relativeTo(file);
      const found = findKeyedBlocks(text, relative);
      const blockProblems = new Map<string, string>();
      // examples of a file that has problems did not run again: their blocks say why
      const broken = new Map<string, Problem[]>();
      for (const problem of state.report.problems) broken.set(problem.file, [...(broken.get(problem.file) ?? []), problem]);
      const spliced = spliceMarkdown(text, found.blocks, (block) => {
        const word = `${block.kind === "code" ? "example" : "example-output"}=${block.key}`;
        const example = state.context.examples.find((candidate) => candidate.key === block.key);
        // a key not found may be that of an example in a file that does not parse
        const why = example ? broken.get(example.file) : broken.size > 0 ? state.report.problems : undefined;
        const content = why
          ? { problem: `\`${word}\`: ${example ? `${example.file} has problems, so its examples did not run again` : "the example files have problems, so this example did not run"}: ${why.map(formatProblem).join("; ")}` }
          : resolveBlock(block, state.context);
        if ("problem" in content) {
          blockProblems.set(word, content.problem);
          // the block stays empty; the site shows the problem in its place
          return { text: "" };
        }
        return content;
      });
      problems.set(file, blockProblems);
      keysOnPage.set(file, new Set(found.blocks.map((block) => block.key)));
      const pageProblems = [...found.problems, ...found.blocks.flatMap((block) => {
        const word = `${block.kind === "code" ? "example" : "example-output"}=${block.key}`;
        const problem = blockProblems.get(word);
        return problem ? [{ file: relative, line: block.line, message: problem }] : [];
      })];
      return { text: spliced.text, problems: pageProblems };
    },
    fence(file, info) {
      const word = info.split(/\s+/).find((candidate) => /^example(-output)?=/.test(candidate));
      if (!word) return undefined;
      const [name, key = ""] = word.split("=");
      const shown: FenceState = { kind: name === "example" ? "code" : "output", key };
      const verdict = state.context.verdicts.get(key);
      if (verdict) shown.verdict = verdict;
      const problem = problems.get(file)?.get(word);
      if (problem) shown.problem = problem;
      const example = state.context.examples.find((candidate) => candidate.key === key);
      if (example && config.repository) shown.sourceUrl = `${config.repository.replace(/\/$/, "")}/${example.file}#L${example.line}`;
      return shown;
    },
    refresh(file) {
      waitingSince ??= performance.now();
      return enqueue(file);
    },
    async close() {
      closed = true;
      // the setup may still be starting: wait for it, not for the run that uses it
      const active = await started.catch(() => undefined);
      setup = undefined;
      await stop(active);
    },
    isExampleFile(file) {
      const relative = relativeTo(file);
      return state.report.sources.some((source) => source.file === relative);
    },
    exampleFolders: () => [...new Set(config.examples.map((pattern) => path.resolve(config.root, globBase(pattern))))],
    async matchesExamples(file) {
      const relative = relativeTo(file);
      const matched = await Promise.all(config.examples.map((pattern) => glob(pattern, { cwd: config.root, ignore: exampleIgnores })));
      return matched.some((files) => files.some((candidate) => candidate.split(path.sep).join("/") === relative));
    },
  };
}
