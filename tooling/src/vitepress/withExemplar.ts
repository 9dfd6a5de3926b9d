import type { UserConfig } from "vitepress";
import { createExemplarSite, type ExemplarSiteOptions } from "./createExemplarSite.ts";
import type { ExemplarSite } from "./ExemplarSite.ts";
import { decorateFence } from "./decorateFence.ts";
import { takeFenceStates, type FenceStates } from "./embedFenceStates.ts";
import { exemplarVitePlugin } from "./exemplarVitePlugin.ts";
import { memoizeHighlight } from "../fast/memoizeHighlight.ts";

/** what the exemplar rules keep in markdown-it's `env` while a page renders */
interface ExemplarEnv {
  exemplarFences?: FenceStates | undefined;
  /** the keys whose failure the page has already explained */
  exemplarExplained?: Set<string>;
}

const keyedWord = (info: string) => info.split(/\s+/).find((word) => /^example(-output)?=/.test(word));

/**
 * Wraps a VitePress config so that its pages show the examples' code and real output: keyed
 * blocks are spliced on the fly (in dev and in the build), each is marked as verified at its
 * commit with a link to its source (or shows why it failed), and local search indexes the
 * spliced code.
 *
 * The marks come from the states the plugin appends to each spliced page (`embedFenceStates`),
 * never from the site's state at render time: VitePress caches a rendered page by its text, and
 * a page rendered from its file unspliced (as VitePress does when the page is saved) has no marks.
 */
export function withExemplar<T extends UserConfig>(config: T, options: ExemplarSiteOptions = {}): T {
  // made when the plugin is first used, not here: VitePress evaluates a config more than once
  // (see exemplarVitePlugin), and each site runs every example and may start a setup
  let made: ExemplarSite | undefined;
  const site = () => (made ??= createExemplarSite(options));
  const userMarkdown = config.markdown?.config;
  const search = config.themeConfig?.search;
  return {
    ...config,
    vite: { ...config.vite, plugins: [...(config.vite?.plugins ?? []), exemplarVitePlugin(site)] },
    markdown: {
      ...config.markdown,
      async config(md) {
        await userMarkdown?.(md);
        // a save changes a block or two of a page rendered again whole (see memoizeHighlight)
        if (md.options.highlight) md.options.highlight = memoizeHighlight(md.options.highlight);
        // before the blocks are parsed, the page's last line (the states) is taken off its text
        md.core.ruler.before("block", "exemplar_fences", (state) => {
          const taken = takeFenceStates(state.src);
          state.src = taken.src;
          const env = state.env as ExemplarEnv;
          env.exemplarFences = taken.states;
          env.exemplarExplained = new Set();
        });
        const fence = md.renderer.rules.fence!;
        md.renderer.rules.fence = (tokens, index, markdownOptions, env: ExemplarEnv, self) => {
          const word = keyedWord(tokens[index]!.info);
          const html = fence(tokens, index, markdownOptions, env, self);
          const state = word ? env.exemplarFences?.[word] : undefined;
          if (!state) return html;
          const detailed = !env.exemplarExplained?.has(state.key);
          if (state.status === "failed") env.exemplarExplained?.add(state.key);
          return decorateFence(state, html, { detailed });
        };
      },
    },
    themeConfig: {
      ...config.themeConfig,
      ...(search?.provider === "local"
        ? {
            search: {
              ...search,
              options: {
                ...search.options,
                // the search index renders pages from their files; splice them first so that
                // words found only in the examples' code are found. Without the blocks' states:
                // the marks are not worth finding, and a commit in the index would change it,
                // and the site's search chunk, with every commit. The dev server indexes every
                // page once, before it listens: it does not wait for the examples to run then,
                // so its index has their code but not their output (VitePress 1.6 does not index
                // a page again in dev)
                async _render(src: string, env: { path: string }, md: { render: (src: string, env: unknown) => string }) {
                  await (process.env["NODE_ENV"] === "production" ? site().ready : site().files);
                  return md.render(site().splice(env.path, src).text, env);
                },
              },
            },
          }
        : {}),
    },
  };
}
