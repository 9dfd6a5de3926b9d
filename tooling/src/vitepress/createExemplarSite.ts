import path from "node:path";
import { checkProject, type CheckReport } from "../checkProject.ts";
import type { Verdict } from "../check/Verdict.ts";
import type { ExemplarConfig } from "../config/defineConfig.ts";
import { loadConfig, resolveConfig, type ResolvedConfig } from "../config/loadConfig.ts";
import { findExamples } from "../find/findExamples.ts";
import { runSetup, type ActiveSetup } from "../setup/runSetup.ts";
import { formatProblem, type Problem } from "../find/Problem.ts";
import { reportPretty } from "../report/reportPretty.ts";
import { findKeyedBlocks } from "../splice/findKeyedBlocks.ts";
import { resolveBlock, type SpliceContext } from "../splice/resolveBlock.ts";
import { spliceMarkdown } from "../splice/spliceMarkdown.ts";
import type { FenceState } from "./decorateFence.ts";

export interface ExemplarSiteOptions {
  /** the folder of `exemplar.config.ts`; default: the working directory */
  root?: string;
  /** a config file other than `exemplar.config.ts` */
  configFile?: string;
  /** the config itself, instead of a file (paths relative to `root`) */
  config?: ExemplarConfig;
}

/** A page spliced for the site. */
export interface SitePage {
  text: string;
  /** blocks that could not be filled, with their place */
  problems: Problem[];
}

/**
 * What the docs site knows of the examples: the latest run, and how to splice a page with it.
 * The VitePress plugin is a thin shell over this; `refresh` re-runs the examples of one changed
 * file for the writer's loop.
 */
export interface ExemplarSite {
  /** resolves once the examples have run; rejects on a configuration error */
  ready: Promise<void>;
  config(): ResolvedConfig;
  /** the report of the latest run of all examples (problems, verdicts) */
  report(): CheckReport;
  /** splices one page (absolute path) with the latest run, leaving failed blocks empty */
  splice(file: string, text: string): SitePage;
  /** what to show under the keyed block whose info string is `info`, on page `file` */
  fence(file: string, info: string): FenceState | undefined;
  /** re-runs the examples of a changed example file; resolves with the pages that show them */
  refresh(file: string): Promise<string[]>;
  /** whether an absolute path is one of the example files */
  isExampleFile(file: string): boolean;
  /** tears the config's setup down; the site keeps it running across refreshes until then */
  close(): Promise<void>;
}

export function createExemplarSite(options: ExemplarSiteOptions = {}): ExemplarSite {
  const root = options.root ?? process.cwd();
  let config: ResolvedConfig;
  let report: CheckReport;
  let context: SpliceContext & { verdicts: Map<string, Verdict> };
  // per page: the problem of each block word (`example-output=key`), and the keys it shows
  const problems = new Map<string, Map<string, string>>();
  const keysOnPage = new Map<string, Set<string>>();

  const use = (next: CheckReport) => {
    report = next;
    context = {
      examples: next.examples,
      sources: new Map(next.sources.map((source) => [source.file, source.text])),
      verdicts: new Map(next.verdicts.map((verdict) => [verdict.example.key, verdict])),
    };
  };

  // a setup that can reset its fixtures (see SetupResult.reset) starts once and serves every
  // refresh: starting a registry per save would cost the writer's loop seconds. One that cannot
  // is started afresh by each run, since examples may count on fresh fixtures (`saved churn v1`).
  let setup: ActiveSetup | undefined;
  const ready = (async () => {
    config = options.config ? resolveConfig(options.config, root) : await loadConfig(root, options.configFile);
    const started = config.setup ? await runSetup(config.setup) : undefined;
    try {
      use(await checkProject(config, started ? { setup: started } : {}));
    } finally {
      if (started?.reset) setup = started;
      else await started?.teardown();
    }
  })();

  return {
    ready,
    config: () => config,
    report: () => report,
    splice(file, text) {
      const relative = path.relative(config.root, file).split(path.sep).join("/");
      const found = findKeyedBlocks(text, relative);
      const blockProblems = new Map<string, string>();
      const spliced = spliceMarkdown(text, found.blocks, (block) => {
        const content = resolveBlock(block, context);
        if ("problem" in content) {
          blockProblems.set(`${block.kind === "code" ? "example" : "example-output"}=${block.key}`, content.problem);
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
      const state: FenceState = { kind: name === "example" ? "code" : "output", key };
      const verdict = context.verdicts.get(key);
      if (verdict) state.verdict = verdict;
      const problem = problems.get(file)?.get(word);
      if (problem) state.problem = problem;
      const example = context.examples.find((candidate) => candidate.key === key);
      if (example && config.repository) state.sourceUrl = `${config.repository.replace(/\/$/, "")}/${example.file}#L${example.line}`;
      return state;
    },
    async refresh(file) {
      const relative = path.relative(config.root, file).split(path.sep).join("/");
      await setup?.reset?.();
      const next = await checkProject(config, { select: (example) => example.file === relative, ...(setup ? { setup } : {}) });
      // the run covered one file: the others keep their verdicts from earlier runs
      const all = next.problems.length > 0 ? [] : findExamples(next.sources).examples;
      const ran = new Set(next.verdicts.map((verdict) => verdict.example.key));
      const kept = report.verdicts.filter((verdict) => !ran.has(verdict.example.key) && all.some((example) => example.key === verdict.example.key));
      use({ ...next, examples: all, verdicts: [...kept, ...next.verdicts] });
      return [...keysOnPage].filter(([, keys]) => [...keys].some((key) => ran.has(key) || !context.verdicts.has(key))).map(([page]) => page);
    },
    async close() {
      await ready.catch(() => {});
      const running = setup;
      setup = undefined;
      await running?.teardown();
    },
    isExampleFile(file) {
      const relative = path.relative(config.root, file).split(path.sep).join("/");
      return report.sources.some((source) => source.file === relative);
    },
  };
}

/** The report as the terminal shows it, for build errors and the dev overlay. */
export function describeFailures(site: ExemplarSite): string | undefined {
  const report = site.report();
  if (report.problems.length > 0) return report.problems.map(formatProblem).join("\n");
  if (report.verdicts.every((verdict) => verdict.status !== "failed")) return undefined;
  return reportPretty(report, { root: site.config().root });
}
