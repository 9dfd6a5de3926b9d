import path from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import { formatProblem } from "../find/Problem.ts";
import { describeFailures, type ExemplarSite } from "./createExemplarSite.ts";

/**
 * The Vite side of the site: splices every Markdown page before VitePress compiles it, fails a
 * build when an example fails, and in dev re-runs the examples of a saved example file and
 * reloads the pages that show them.
 */
export function exemplarVitePlugin(site: ExemplarSite): Plugin {
  let command: "build" | "serve" = "serve";
  return {
    name: "exemplar",
    enforce: "pre",
    configResolved(resolved) {
      command = resolved.command;
    },
    async buildStart() {
      await site.ready;
      if (command !== "build") return;
      const failures = describeFailures(site);
      if (failures) this.error(`exemplar: the docs cannot be built while examples fail:\n${failures}`);
    },
    async buildEnd() {
      if (command === "build") await site.close();
    },
    async transform(code, id) {
      const file = id.split("?")[0]!;
      if (!file.endsWith(".md") || id.includes("?")) return undefined;
      await site.ready;
      if (!file.startsWith(site.config().docs + path.sep)) return undefined;
      const page = site.splice(file, code);
      if (command === "build" && page.problems.length > 0) {
        this.error(`exemplar: ${page.problems.map(formatProblem).join("\n")}`);
      }
      return { code: page.text, map: null };
    },
    configureServer(server) {
      void site.ready.then(() => {
        const config = site.config();
        for (const source of site.report().sources) server.watcher.add(path.join(config.root, source.file));
        const failures = describeFailures(site);
        if (failures) server.config.logger.warn(failures);
      }, (error: Error) => server.config.logger.error(`exemplar: ${error.message}`));
      server.watcher.on("change", (file) => void onChange(server, site, file));
      server.httpServer?.once("close", () => void site.close());
    },
  };
}

async function onChange(server: ViteDevServer, site: ExemplarSite, file: string) {
  await site.ready;
  if (!site.isExampleFile(file)) return;
  const started = performance.now();
  const pages = await site.refresh(file);
  for (const page of pages) {
    for (const module of server.moduleGraph.getModulesByFile(page) ?? []) await server.reloadModule(module);
  }
  const failures = describeFailures(site);
  server.config.logger.info(
    `exemplar: re-ran ${path.relative(site.config().root, file)} in ${Math.round(performance.now() - started)} ms, ${pages.length} page${pages.length === 1 ? "" : "s"} updated${failures ? " (some examples fail)" : ""}`,
    { timestamp: true },
  );
}
