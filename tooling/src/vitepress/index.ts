// the VitePress integration of @exemplar/tooling: re-exports only
export { createExemplarSite, describeFailures, type ExemplarSite, type ExemplarSiteOptions, type SitePage, type SiteRefresh } from "./createExemplarSite.ts";
export { decorateFence, type FenceState } from "./decorateFence.ts";
export { exemplarVitePlugin } from "./exemplarVitePlugin.ts";
export { withExemplar } from "./withExemplar.ts";
