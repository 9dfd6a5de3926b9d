import path from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import { formatProblem } from "../records/Problem.ts";
import { formatSummary, summarize } from "../report/summarize.ts";
import { closeOnInterrupt } from "./closeOnInterrupt.ts";
import { describeFailures } from "./describeFailures.ts";
import { describeStandAlone } from "./describeStandAlone.ts";
import { embedFenceStates } from "./embedFenceStates.ts";
import type { ExemplarSite, SiteRefresh } from "./ExemplarSite.ts";
import { sortSearchIndex, type SearchIndexJSON } from "./sortSearchIndex.ts";

/** VitePress's local search modules: this one lists the locales, `${it}<locale>` holds an index */
const searchIndexModule = "/@localSearchIndex";

/**
 * The Vite side of the site: splices every Markdown page before VitePress compiles it, fails a
 * build when an example fails, and in dev re-runs the examples of a saved example file and
 * reloads the pages that show them.
 *
 * Given a function, the plugin makes the site when Vite first uses it (`configResolved`):
 * VitePress also evaluates a config only to check it (when the config or a module it imports
 * changes, before it restarts the server) and drops it, and a site made then would start the
 * config's setup for nothing and never stop it. Either way the plugin closes the site, tearing
 * its setup down, when the build ends or the dev server closes (a restart, SIGTERM, Ctrl-C).
 *
 * It also writes local search's index in a fixed order (`sortSearchIndex`), so that rebuilding
 * an unchanged commit changes no file.
 */
export function exemplarVitePlugin(site: ExemplarSite | (() => ExemplarSite)): Plugin {
  const useSite = typeof site === "function" ? site : () => site;
  let command: "build" | "serve" = "serve";
  let stopListening: (() => void) | undefined;
  let warnedStandAlone = false;
  return {
    name: "exemplar",
    enforce: "pre",
    configResolved(resolved) {
      command = resolved.command;
      // start the examples now: they run while Vite gets ready
      useSite();
    },
    async buildStart() {
      // the dev server listens at once: each page waits for its own examples (see transform)
      if (command !== "build") return;
      const current = useSite();
      await current.ready;
      const failures = describeFailures(current);
      if (failures) this.error(`exemplar: the docs cannot be built while examples fail:\n${failures}`);
      // a warning, as in `exemplar check` without --strict; once, though VitePress builds twice
      const standAlone = warnedStandAlone ? undefined : describeStandAlone(current);
      // what the build ran, and what the result cache answered: a CI log says which examples ran
      if (!warnedStandAlone) console.info(`exemplar: ${formatSummary(summarize(current.report()))}`);
      warnedStandAlone = true;
      if (standAlone) this.warn(standAlone);
    },
    // Vite awaits this at the end of each build, failed or not (VitePress builds twice: the
    // second reuses the verdicts), and in `server.close()`, before a restart or exit
    async closeBundle() {
      stopListening?.();
      await useSite().close();
    },
    async transform(code, id) {
      if (id.startsWith(searchIndexModule) && id !== searchIndexModule) return sortSearchIndexModule(code);
      const file = id.split("?")[0]!;
      if (!file.endsWith(".md") || id.includes("?")) return undefined;
      const current = useSite();
      await current.files;
      if (!file.startsWith(current.config().docs + path.sep)) return undefined;
      // in dev, a page is served once the examples it shows have run, before the rest have
      await current.pageReady(file, code);
      const page = current.splice(file, code);
      if (command === "build" && page.problems.length > 0) {
        this.error(`exemplar: ${page.problems.map(formatProblem).join("\n")}`);
      }
      // the blocks' states go with the text: VitePress caches the rendered page by it
      return { code: embedFenceStates(page.text, page.fences), map: null };
    },
    configureServer(server) {
      const current = useSite();
      // the example files are watched from the start, so that a save during the first run counts,
      // and so are their folders, for example files created later
      current.files.then((files) => void server.watcher.add([...files, ...current.exampleFolders()]), () => {});
      current.ready.then(async () => {
        // a page served during the first run whose blocks its end changed
        await reloadPages(server, current.changedSinceServed()).catch((error: Error) => server.config.logger.error(`exemplar: ${error.message}`));
        const failures = describeFailures(current);
        if (failures) server.config.logger.warn(failures);
        const standAlone = describeStandAlone(current);
        if (standAlone) server.config.logger.warn(`exemplar: ${standAlone}`);
      }, (error: Error) => server.config.logger.error(`exemplar: ${error.message}`));
      const handled = new WeakSet<SiteRefresh>();
      server.watcher.on("change", (file) => void onChange(server, current, file, handled));
      server.watcher.on("add", (file) => void onChange(server, current, file, handled, { added: true }));
      stopListening = closeOnInterrupt(() => server.close());
    },
  };
}

/**
 * VitePress writes an index as `export default "<its JSON, as a JS string>"`; a module in another
 * shape, or a locale with no pages (`{}`), is left as it is.
 */
function sortSearchIndexModule(code: string) {
  const prefix = "export default ";
  if (!code.startsWith(prefix)) return undefined;
  let written: unknown;
  try {
    written = JSON.parse(code.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (typeof written !== "string") return undefined;
  const index = JSON.parse(written) as Partial<SearchIndexJSON>;
  if (index.serializationVersion !== 2) return undefined;
  return { code: `${prefix}${JSON.stringify(JSON.stringify(sortSearchIndex(index as SearchIndexJSON)))}`, map: null };
}

/** `re-ran a.one, a.two` (a few keys, then how many more), or `no example changed` */
function describeRerun(keys: readonly string[]) {
  if (keys.length === 0) return "no example changed";
  return `re-ran ${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ` and ${keys.length - 3} more` : ""}`;
}

async function onChange(server: ViteDevServer, site: ExemplarSite, file: string, handled: WeakSet<SiteRefresh>, { added = false } = {}) {
  const { logger } = server.config;
  try {
    await site.files;
  } catch {
    // the config is broken: configureServer said so
    return;
  }
  // a file created since the last run is one if the globs match it now
  if (!site.isExampleFile(file) && !(added && (await site.matchesExamples(file)))) return;
  const relative = (absolute: string) => path.relative(site.config().root, absolute);
  let refreshed: SiteRefresh;
  try {
    refreshed = await site.refresh(file);
  } catch (error) {
    logger.error(`exemplar: re-running ${relative(file)} failed: ${(error as Error).message}`, { timestamp: true });
    return;
  }
  // several saves during one run share the next run: it is reported once
  if (!refreshed.ran || handled.has(refreshed)) return;
  handled.add(refreshed);
  // a save the watcher may not report (a write read half done) is run as one
  for (const stale of refreshed.stale) void onChange(server, site, stale, handled);
  const started = performance.now();
  await reloadPages(server, refreshed.pages);
  const failures = describeFailures(site);
  const { pages } = refreshed;
  logger.info(
    `exemplar: ${describeRerun(refreshed.examples)} of ${refreshed.files.map(relative).join(", ")} in ${refreshed.durationMs + Math.round(performance.now() - started)} ms` +
      `${refreshed.waitedMs > 0 ? ` (after waiting ${refreshed.waitedMs} ms for the run before)` : ""}` +
      `, ${pages.length} page${pages.length === 1 ? "" : "s"} updated${failures ? " (some examples fail)" : ""}`,
    { timestamp: true },
  );
  // a file that does not parse shows in its blocks, and here, where the writer looks after a save
  if (site.report().problems.length > 0 && failures) logger.warn(failures);
  const standAlone = describeStandAlone(site, new Set(refreshed.files.map((file) => relative(file).split(path.sep).join("/"))));
  if (standAlone) logger.warn(`exemplar: ${standAlone}`);
}

/** has the browsers showing these pages (absolute paths) load them again */
async function reloadPages(server: ViteDevServer, pages: readonly string[]) {
  for (const page of pages) {
    for (const module of server.moduleGraph.getModulesByFile(page) ?? []) await server.reloadModule(module);
  }
}

