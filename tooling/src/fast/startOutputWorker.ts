import type { ProjectTexts } from "../project/readProject.ts";
import { startWorkers, type StartedWorkers } from "./startWorkers.ts";

// Speed: `exemplar splice` runs only the examples whose output a page shows, and it knows which
// only once the project is parsed. Why: a worker that boots and imports their files while the
// project is parsed has them ready when the run starts. Found by text, before any parse: a page
// word `example-output=KEY`, and the example files with a line `@example KEY`; a guess that
// misses costs only time (the run imports what it needs). Proven by `npm run bench:splice`
// (with outputs); figures in BENCHMARKS.md.

/** A worker importing the files of the examples the pages' output blocks may show; undefined when no page shows one. */
export function startOutputWorker(texts: ProjectTexts): StartedWorkers | undefined {
  const keys = new Set<string>();
  for (const page of texts.pages ?? []) {
    for (const match of page.text.matchAll(/example-output=(\S+)/g)) keys.add(match[1]!);
  }
  if (keys.size === 0) return undefined;
  const files = texts.sources.filter((source) => [...source.text.matchAll(/@example[ \t]+(\S+)/g)].some((match) => keys.has(match[1]!)));
  return startWorkers(texts.config.root, 1, files);
}
