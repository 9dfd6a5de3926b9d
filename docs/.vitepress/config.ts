// imported by path: VitePress bundles its config with esbuild, which compiles this TypeScript;
// by package name it would leave the import to Node, which cannot load .ts files
import { withExemplar } from "../../tooling/src/vitepress/index.ts";
import { defineConfig } from "vitepress";

// the site is served from a prefix for pull request previews: DOCS_BASE=/pr-12/
const base = process.env.DOCS_BASE ?? "/";

export default withExemplar(
  defineConfig({
    title: "Exemplar",
    description: "Internal docs where every snippet is an example that just ran.",
    base,
    cleanUrls: false,
    themeConfig: {
      nav: [
        { text: "Guide", link: "/guide/getting-started" },
        { text: "Writing docs", link: "/guide/writing-docs" },
      ],
      sidebar: [
        {
          text: "Guide",
          items: [
            { text: "Getting started", link: "/guide/getting-started" },
            { text: "Writing examples", link: "/guide/writing-examples" },
            { text: "Running examples", link: "/guide/running-examples" },
            { text: "Writing docs", link: "/guide/writing-docs" },
          ],
        },
      ],
      search: { provider: "local" },
    },
  }),
  // the repository root holds exemplar.config.ts; VitePress runs with docs/ as its source
  { root: new URL("../..", import.meta.url).pathname },
);
