import type { CheckReport } from "../records/CheckReport.ts";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import type { Problem } from "../records/Problem.ts";
import type { FenceStates } from "./embedFenceStates.ts";

/** A page spliced for the site. */
export interface SitePage {
  text: string;
  /** blocks that could not be filled, with their place */
  problems: Problem[];
  /** what to show with each keyed block, by its word: render the page from `embedFenceStates(text, fences)` */
  fences: FenceStates;
}

/** One re-run of the writer's loop, shared by every save it covered. */
export interface SiteRefresh {
  /** the example files it re-ran (absolute paths): the saved one and any saved while the run before it went on */
  files: string[];
  /** the pages (absolute paths) whose blocks it may have changed */
  pages: string[];
  /**
   * false when nothing ran: the site closed before the run could start, or the files' text is
   * the one the site has (an editor's second write, a watcher's second event for one write)
   */
  ran: boolean;
  /** the keys of the examples it ran: those the saves changed (see `changedExamples`) */
  examples: string[];
  durationMs: number;
  /** how long its first save waited for the run before it (and, at startup, for the first run) */
  waitedMs: number;
  /**
   * the files whose text changed since the run read them: a save made meanwhile, or the rest of
   * a write it read half done, which the watcher may never report (see `refresh`)
   */
  stale: string[];
}

/**
 * What the docs site knows of the examples: the latest run, and how to splice a page with it.
 * The VitePress plugin is a thin shell over this; `refresh` re-runs the examples of changed
 * files for the writer's loop.
 */
export interface ExemplarSite {
  /** resolves once the examples have run; rejects on a configuration error */
  ready: Promise<void>;
  /** the example files (absolute paths), known once they are read, before the first run ends */
  files: Promise<string[]>;
  config(): ResolvedConfig;
  /** the report of the latest run of all examples (problems, verdicts) */
  report(): CheckReport;
  /**
   * resolves once the examples a page (absolute path, its Markdown) shows have run: during the
   * first run, as soon as theirs are done (the dev server serves that page then, not when the
   * last example of the project ends); after it, at once. Rejects as `ready` does.
   */
  pageReady(file: string, text: string): Promise<void>;
  /** splices one page (absolute path) with the latest run, leaving failed blocks empty, and says what to show with each block */
  splice(file: string, text: string): SitePage;
  /**
   * once `ready`: the pages spliced while the first run went on whose blocks its end changed (a
   * verdict told early was replaced, see FirstRun), each told once; the dev server reloads them
   */
  changedSinceServed(): string[];
  /**
   * re-runs the examples a changed example file changed (their own code, what they use in
   * their file, an imported file: see `changedExamples`), one run at a time: a save during a
   * run is queued, with any other saved meanwhile, for one run right after it. A file whose
   * text changed during the run is named in `stale`: refresh it again, as a save
   */
  refresh(file: string): Promise<SiteRefresh>;
  /** whether an absolute path is one of the example files */
  isExampleFile(file: string): boolean;
  /** the folders the example globs start from (absolute): watched for example files created later */
  exampleFolders(): string[];
  /** whether an absolute path is matched by the example globs now, as a file created since the last run may be */
  matchesExamples(file: string): Promise<boolean>;
  /** tears the config's setup down; the site keeps it running across refreshes until then */
  close(): Promise<void>;
}
