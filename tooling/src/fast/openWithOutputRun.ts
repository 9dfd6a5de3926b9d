import type { ResolvedConfig } from "../config/loadConfig.ts";
import { parsePages } from "../project/parsePages.ts";
import { parseExamples } from "../project/parseExamples.ts";
import { readProject } from "../project/readProject.ts";
import type { PageText } from "../project/readPages.ts";
import type { Page, Project } from "../records/Project.ts";
import type { Run } from "../records/Run.ts";
import { runExamples } from "../run/runExamples.ts";
import { cacheTurnedOff, resultCacheFor } from "../cache/resultCacheFor.ts";
import { openParseCache } from "./openParseCache.ts";
import { closeWorkers, startWorkers } from "./startWorkers.ts";

// Speed: `exemplar splice` runs the examples whose output a page shows. Why this file: the run
// need not wait for the pages to be parsed. The pages' texts name the keys (`example-output=KEY`),
// a worker boots and imports their files (found by their `@example KEY` lines) while the
// compiler parses the example files, and the examples run while the pages are parsed: the same
// stages as `openProject` then `runExamples`, overlapped. Proven by `npm run bench:splice`
// (with outputs); figures in BENCHMARKS.md.

/** The examples a page may show the output of, found by text before anything is parsed (prose may name one too). */
export function mentionedOutputKeys(pages: ReadonlyArray<{ text: string }>): Set<string> {
  const keys = new Set<string>();
  for (const page of pages) for (const match of page.text.matchAll(/example-output=([^\s`"'{]+)/g)) keys.add(match[1]!);
  return keys;
}

/**
 * `openProject(config)`, and a run of the examples the pages name in `example-output=KEY`
 * words (undefined when none does, or when the example files have problems). A run that fails
 * fails this call only when an output block waits for it. With `cache`, the run reads and keeps
 * the result cache (see `resultCacheFor`).
 */
export async function openWithOutputRun(config: ResolvedConfig, { cache = false } = {}): Promise<{ project: Project; run?: Run }> {
  const texts = await readProject(config);
  const keys = mentionedOutputKeys(texts.pages ?? []);
  const files = texts.sources.filter((source) => [...source.text.matchAll(/@example[ \t]+(\S+)/g)].some((match) => keys.has(match[1]!)));
  const workers = keys.size > 0 ? startWorkers(config.root, 1, files) : undefined;
  // with `cache`, the example files `exemplar check` parsed with the same text are not parsed again
  const parseCache = cache && !cacheTurnedOff() ? openParseCache(config.root) : undefined;
  const examples = parseExamples({ config, sources: texts.sources }, parseCache);
  const saved = parseCache?.save().catch(() => undefined);
  // sends the first examples to the worker before this thread turns to the pages
  // with `cache`, the examples `exemplar check` passed with the same inputs do not run again
  const results = cache && examples.problems.length === 0 ? resultCacheFor(config, examples, parseCache ? { specifiers: parseCache.specifiers } : {}) : undefined;
  const running = keys.size > 0 && examples.problems.length === 0 ? runExamples(examples, { keys }, { ...(workers ? { workers } : {}), ...(results ? { cache: results } : {}) }) : undefined;
  if (running) running.catch(() => undefined);
  else await closeWorkers(workers);
  await saved;
  if (!running) return { project: texts.pages ? { ...examples, pages: parsePages(texts.pages) } : examples };
  const project: Project = texts.pages ? { ...examples, pages: await parsePagesYielding(texts.pages) } : examples;
  const shown = project.pages?.some((page) => page.found.blocks.some((block) => block.kind === "output")) ?? false;
  if (!shown) {
    await running.catch(() => undefined);
    return { project };
  }
  return { project, run: await running };
}

/**
 * `parsePages`, fifty pages at a time, with a turn of the event loop between: the run shares
 * this thread (it hands the worker its next examples as results come in) and would otherwise
 * wait for the last page.
 */
async function parsePagesYielding(pages: readonly PageText[]): Promise<Page[]> {
  const parsed: Page[] = [];
  for (let start = 0; start < pages.length; start += 50) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    parsed.push(...parsePages(pages.slice(start, start + 50)));
  }
  return parsed;
}
