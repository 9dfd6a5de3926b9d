// the VitePress integration of @exemplar/tooling: re-exports only
export { createExemplarSite, type ExemplarSiteOptions } from "./createExemplarSite.ts";
export { describeFailures } from "./describeFailures.ts";
export type { ExemplarSite, SitePage, SiteRefresh } from "./ExemplarSite.ts";
export { decorateFence } from "./decorateFence.ts";
export { embedFenceStates, takeFenceStates, type FenceStates } from "./embedFenceStates.ts";
export type { FenceState } from "./FenceState.ts";
export { exemplarVitePlugin } from "./exemplarVitePlugin.ts";
export { withExemplar } from "./withExemplar.ts";
