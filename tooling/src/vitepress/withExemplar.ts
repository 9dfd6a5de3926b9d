import type { UserConfig } from "vitepress";
import { createExemplarSite, type ExemplarSiteOptions } from "./createExemplarSite.ts";
import type { ExemplarSite } from "./ExemplarSite.ts";
import { decorateFence } from "./decorateFence.ts";
import { exemplarVitePlugin } from "./exemplarVitePlugin.ts";

/**
 * Wraps a VitePress config so that its pages show the examples' code and real output: keyed
 * blocks are spliced on the fly (in dev and in the build), each is marked as verified with a
 * link to its source (or shows why it failed), and local search indexes the spliced code.
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
        const fence = md.renderer.rules.fence!;
        md.renderer.rules.fence = (tokens, index, markdownOptions, env: { path?: string }, self) => {
          const html = fence(tokens, index, markdownOptions, env, self);
          const state = env.path ? site().fence(env.path, tokens[index]!.info) : undefined;
          return state ? html + decorateFence(state) : html;
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
                // words found only in the examples' code are found
                async _render(src: string, env: { path: string }, md: { render: (src: string, env: unknown) => string }) {
                  await site().ready;
                  return md.render(site().splice(env.path, src).text, env);
                },
              },
            },
          }
        : {}),
    },
  };
}
