// imported by path, so that the site always runs the tooling's source as it is; another
// project imports "@exemplar/tooling/vitepress" by package name (see Use Exemplar in your project)
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
    // the page hash map goes into a chunk of its own instead of into every HTML file, so that a
    // one-page edit changes a handful of files, not the whole site (see BENCHMARKS.md, site
    // churn); DOCS_META_CHUNK=0 restores VitePress's default for that measurement
    metaChunk: process.env.DOCS_META_CHUNK !== "0",
    themeConfig: {
      nav: [
        { text: "Guide", link: "/guide/getting-started" },
        { text: "Writing docs", link: "/guide/writing-docs" },
        { text: "Platform", link: "/platform/getting-started" },
      ],
      sidebar: [
        {
          text: "Guide",
          items: [
            { text: "Getting started", link: "/guide/getting-started" },
            { text: "Use Exemplar in your project", link: "/guide/use-in-your-project" },
            { text: "Writing examples", link: "/guide/writing-examples" },
            { text: "Running examples", link: "/guide/running-examples" },
            { text: "Writing docs", link: "/guide/writing-docs" },
            { text: "Previews and publishing", link: "/guide/publishing" },
            { text: "How Exemplar works", link: "/guide/how-it-works" },
          ],
        },
        {
          text: "Model Envelope platform",
          items: [
            { text: "Getting started", link: "/platform/getting-started" },
            { text: "Tokens", link: "/platform/tokens" },
            { text: "Saving a model", link: "/platform/saving-a-model" },
            { text: "Finding models by tags", link: "/platform/finding-by-tags" },
            { text: "Metrics", link: "/platform/metrics" },
            { text: "Serving a model", link: "/platform/serving" },
            { text: "Batch predictions", link: "/platform/batch-predictions" },
            { text: "Deployment rules", link: "/platform/deployment-rules" },
            { text: "Usage tracking and alerts", link: "/platform/usage-and-alerts" },
            { text: "The dashboard", link: "/platform/dashboard" },
            { text: "Errors and how to fix them", link: "/platform/errors" },
          ],
        },
      ],
      search: { provider: "local" },
    },
  }),
  // the repository root holds exemplar.config.ts; VitePress runs with docs/ as its source
  { root: new URL("../..", import.meta.url).pathname },
);
