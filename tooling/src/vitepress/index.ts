// the VitePress integration of @exemplar/tooling: re-exports only
export { createExemplarSite, type ExemplarSiteOptions } from "./createExemplarSite.ts";
export { describeFailures } from "./describeFailures.ts";
export type { ExemplarSite, SitePage, SiteRefresh } from "./ExemplarSite.ts";
export { decorateFence, type FenceState } from "./decorateFence.ts";
export { exemplarVitePlugin } from "./exemplarVitePlugin.ts";
export { withExemplar } from "./withExemplar.ts";
