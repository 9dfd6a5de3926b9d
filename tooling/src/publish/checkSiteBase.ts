import { ExemplarError } from "../errors/ExemplarError.ts";
import type { SiteBase } from "./detectSiteBase.ts";

/**
 * Refuses a VitePress build whose `base` is not the URL path of the prefix (`pr-12/` needs
 * `/pr-12/`, the bucket root needs `/`): its pages would load assets from another preview or
 * from nowhere. `site` undefined (no VitePress signature) passes. `page` names the HTML file the
 * base was read from. Throws `EXEMPLAR_PUBLISH_BASE_MISMATCH`.
 */
export function checkSiteBase(site: SiteBase | undefined, prefix: string, page: string): void {
  if (site === undefined) return;
  const expected = `/${prefix}`;
  if (site.base === undefined) {
    throw new ExemplarError(
      "EXEMPLAR_PUBLISH_BASE_MISMATCH",
      `${page} looks like a VitePress page but shows no base (no __VP_SITE_DATA__ and no /…/assets/ link); expected base "${expected}" for prefix "${prefix}"`,
    );
  }
  if (site.base !== expected) {
    throw new ExemplarError(
      "EXEMPLAR_PUBLISH_BASE_MISMATCH",
      `${page} was built with VitePress base "${site.base}" but is published to prefix "${prefix}"; expected base "${expected}" (set base: "${expected}" in the VitePress config and rebuild)`,
    );
  }
}
