import path from "node:path";
import type { ExemplarConfig } from "../config/defineConfig.ts";
import { loadConfig, resolveConfig, type ResolvedConfig } from "../config/loadConfig.ts";
import { exampleFolders, matchesExamples } from "../files/exampleGlobs.ts";
import { openProject } from "../project/openProject.ts";
import { changedExamples } from "../project/changedExamples.ts";
import { swapFile } from "../project/swapFile.ts";
import type { Project } from "../records/Project.ts";
import type { Run } from "../records/Run.ts";
import { runExamples } from "../run/runExamples.ts";
import { closeWorkers, startWorkers, type StartedWorkers } from "../fast/startWorkers.ts";
import { runSetup, type ActiveSetup } from "../setup/runSetup.ts";
import { resultCacheFor } from "../cache/resultCacheFor.ts";
import { coalesceRuns } from "./coalesceRuns.ts";
import { FirstRun } from "./FirstRun.ts";
import { lastFoundBlocks } from "../fast/lastFoundBlocks.ts";
import type { ExemplarSite, SitePage, SiteRefresh } from "./ExemplarSite.ts";
import type { FenceStates } from "./embedFenceStates.ts";
import { resolveFenceState } from "./resolveFenceState.ts";
import { mergeRun, type SiteState } from "./mergeRun.ts";
import { readRepository } from "./readRepository.ts";
import { readRevision, type Revision } from "./readRevision.ts";
import { readSaved } from "./readSaved.ts";
import type { SourceLinks } from "./sourceUrl.ts";
import { spliceSitePage } from "./spliceSitePage.ts";
import { relativeTo } from "../files/relativeTo.ts";

export interface ExemplarSiteOptions {
  /** the folder of `exemplar.config.ts`; default: the working directory */
  root?: string;
  /** a config file other than `exemplar.config.ts` */
  configFile?: string;
  /** the config itself, instead of a file (paths relative to `root`) */
  config?: ExemplarConfig;
  /** the run stage (default `runExamples`); tests pass one that takes the time they say */
  run?: typeof runExamples | undefined;
  /** starts the config's setup module (default `runSetup`) */
  runSetup?: typeof runSetup | undefined;
}

/**
 * The docs site's side of the pipeline: one project, opened once, whose saved example files are
 * swapped in and re-run (`refresh`), and the latest verdict of every example, from which pages
 * are spliced. The VitePress plugin is a thin shell over it.
 */
export function createExemplarSite(options: ExemplarSiteOptions = {}): ExemplarSite {
  const root = options.root ?? process.cwd();
  const run = options.run ?? runExamples;
  // set by `opened`, which every use awaits
  let config!: ResolvedConfig;
  let state!: SiteState;
  // the project as the examples last ran (without problems): a save re-runs what changed since
  let lastRun!: Project;
  // until a run finds no problem, pages have nothing to keep: a refresh runs every example
  let clean = false;
  let closed = false;
  // per page: the keys it shows
  const keysOnPage = new Map<string, Set<string>>();
  // the commit each example's verdict was given at (undefined outside git), and what links
  // to the examples' sources are made from
  const revisions = new Map<string, Revision | undefined>();
  let links: SourceLinks = {};
  // the first run as its examples finish (set once the project is open), the commit it runs at,
  // and the pages served before it ended, with what they showed (see FirstRun)
  let first: FirstRun | undefined;
  let firstRevision: Promise<Revision | undefined> | undefined;
  let revisionOfFirst: Revision | undefined;
  const servedEarly = new Map<string, { text: string; shown: string }>();
  const findBlocks = lastFoundBlocks();

  /**
   * takes in a run (of the `covered` examples, by key, or of all) made after `saved` files
   * changed; returns the pages it may change
   */
  const use = (project: Project, next: Run, covered?: ReadonlySet<string>, saved: readonly string[] = []): string[] => {
    const before = state;
    state = mergeRun(before, project, next, covered);
    clean ||= project.problems.length === 0;
    if (project.problems.length === 0) lastRun = project;
    // a page changes when it shows an example that ran, or of a file that was saved (its code
    // or its line moved), had problems or has them now
    const touched = new Set([...saved, ...[before, state].flatMap((known) => known.project.problems.map((problem) => problem.file))]);
    const fileOf = new Map([...before.context.examples, ...state.context.examples].map((example) => [example.key, example.file]));
    return [...keysOnPage]
      .filter(([, keys]) => [...keys].some((key) => !covered || covered.has(key) || !state.verdicts.has(key) || touched.has(fileOf.get(key) ?? "")))
      .map(([page]) => page);
  };

  // the project is opened before the first run, so that the dev server watches its files during
  // it: a save made then is not lost
  const opened = (async () => {
    config = options.config ? resolveConfig(options.config, root) : await loadConfig(root, options.configFile);
    const [project, place] = await Promise.all([openProject(config, { pages: false }), readRepository(config.root)]);
    links = { repository: config.repository, place };
    state = mergeRun(undefined, project, { examples: [], verdicts: [], ran: false, durationMs: 0 });
    lastRun = project;
    first = new FirstRun(project.examples);
    return project;
  })();
  /** runs the examples, reading meanwhile which commit they run at (`read`), and remembers it for each */
  const runAt = async (read: Promise<Revision | undefined>, ...args: Parameters<typeof run>) => {
    const [next, revision] = await Promise.all([run(...args), read]);
    // a verdict from the result cache was given at the commit its run ran at
    for (const verdict of next.verdicts) revisions.set(verdict.example.key, verdict.cached ? verdict.ranAt : revision);
    return next;
  };
  const files = opened.then((project) => project.sources.map((source) => path.join(config.root, source.file)));

  // a setup that can reset its fixtures (see SetupResult.reset) starts once and serves every
  // refresh: starting a registry per save would cost the writer's loop seconds. One that cannot
  // is started afresh by each run, since examples may count on fresh fixtures (`saved churn v1`).
  const started = opened.then(() => (config.setup ? (options.runSetup ?? runSetup)(config.setup) : undefined));
  const stopped = new WeakMap<ActiveSetup, Promise<void>>();
  const stop = (active: ActiveSetup | undefined) => {
    if (active && !stopped.has(active)) stopped.set(active, active.teardown());
    return active ? stopped.get(active)! : Promise.resolve();
  };
  let setup: ActiveSetup | undefined;
  // the writer's loop keeps one worker process started ahead, so that a save does not wait for
  // one to start (a fake `run` in tests gets none)
  const warm = options.run === undefined;
  let spare: StartedWorkers | undefined;
  const ready = (async () => {
    const project = await opened;
    firstRevision = readRevision(config.root);
    firstRevision.then((revision) => (revisionOfFirst = revision), () => {});
    let active: ActiveSetup | undefined;
    try {
      active = await started;
      // the first run reads the result cache (what `exemplar check` passed does not run again); saves do not
      const cache = warm ? resultCacheFor(config, project) : undefined;
      use(project, await runAt(firstRevision, project, {}, { ...(active ? { setup: active } : {}), ...(cache ? { cache } : {}), onResult: first!.onResult, urgent: first!.urgent }));
      if (warm && !closed) spare = startWorkers(config.root, 1);
    } finally {
      // the pages still waiting are served now, whether the run ended or failed
      first!.end();
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
    if (closed) return { files: changed, pages: [], ran: false, examples: [], durationMs: 0, waitedMs, stale: [] };
    let project = state.project;
    const read = () => Promise.all(changed.map((file) => readSaved(file)));
    const texts = await read();
    const saved = changed.map((file) => relativeTo(config.root, file));
    // an editor's second write of the same text (or a watcher's second event for one write) is no save
    if (saved.every((file, index) => project.sources.find((source) => source.file === file)?.text === texts[index])) {
      return { files: changed, pages: [], ran: false, examples: [], durationMs: 0, waitedMs, stale: [] };
    }
    saved.forEach((file, index) => (project = swapFile(project, file, texts[index])));
    // only what changed since the examples last ran: their own code, what they use in their file,
    // the files they import (see changedExamples); every example until a run finds no problem
    const covered = clean && project.problems.length === 0 ? changedExamples(lastRun, project) : undefined;
    let next: Run = { examples: [], verdicts: [], ran: true, durationMs: 0 };
    if (!covered || covered.size > 0) {
      await setup?.reset?.();
      // a worker started after the run before has its loader ready (and has imported nothing:
      // each run imports the files as they are now); the next one starts as this run ends
      const workers = spare;
      spare = undefined;
      next = await runAt(readRevision(config.root), project, covered ? { keys: covered } : {}, { ...(setup ? { setup } : {}), ...(workers ? { workers } : {}) });
      if (warm && !closed) spare = startWorkers(config.root, 1);
    }
    const pages = use(project, next, covered ?? (clean ? new Set() : undefined), saved);
    const examples = next.examples.map((example) => example.key);
    // a write read half done (an editor that truncates, then writes, within one tick of the
    // file clock: the watcher reports the first change and drops the second as the same)
    const now = await read();
    const stale = changed.filter((_, index) => now[index] !== texts[index]);
    return { files: changed, pages, ran: true, examples, durationMs: Math.round(performance.now() - startedAt), waitedMs, stale };
  });

  const splicePage = (file: string, text: string): SitePage => {
    // during the first run, the verdicts so far
    const partial = first?.take();
    if (partial) state = mergeRun(state, state.project, partial.run, partial.covered);
    const relative = relativeTo(config.root, file);
    const spliced = spliceSitePage(state, relative, text, findBlocks(text, relative));
    keysOnPage.set(file, spliced.keys);
    const fences: FenceStates = {};
    for (const word of spliced.words) {
      const key = word.slice(word.indexOf("=") + 1);
      const revision = revisions.has(key) ? revisions.get(key) : first?.ended ? undefined : revisionOfFirst;
      fences[word] = resolveFenceState(state, word, { problem: spliced.blockProblems.get(word), revision, links, kept: spliced.kept.has(word) });
    }
    return { text: spliced.text, problems: spliced.problems, fences };
  };

  return {
    ready,
    files,
    config: () => config,
    report: () => state.report,
    async pageReady(file, text) {
      await opened;
      // after the first run, at once: a page is served as soon as it is asked for
      if (first!.ended) return ready;
      const keys = findBlocks(text, relativeTo(config.root, file)).blocks.map((block) => block.key);
      // a failed run rejects `ready`, and so this: the page shows the error as it did before
      await Promise.race([ready, first!.whenDone(keys).then(() => firstRevision)]);
    },
    splice(file, text) {
      const page = splicePage(file, text);
      if (first && !first.ended) servedEarly.set(file, { text, shown: JSON.stringify(page) });
      return page;
    },
    changedSinceServed() {
      const changed = [...servedEarly].filter(([file, { text, shown }]) => JSON.stringify(splicePage(file, text)) !== shown).map(([file]) => file);
      servedEarly.clear();
      return changed;
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
      await closeWorkers(spare);
      spare = undefined;
      await stop(active);
    },
    isExampleFile(file) {
      const relative = relativeTo(config.root, file);
      return state.project.sources.some((source) => source.file === relative);
    },
    exampleFolders: () => exampleFolders(config),
    matchesExamples: (file) => matchesExamples(config, file),
  };
}
