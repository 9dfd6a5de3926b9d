import { describe, expect, test } from "vitest";
import { checkSiteBase } from "../../src/publish/checkSiteBase.ts";
import type { SiteBase } from "../../src/publish/detectSiteBase.ts";

const vitepress = (base: string | undefined): SiteBase => ({ generator: "vitepress", base, source: base === undefined ? undefined : "site-data" });

describe("checkSiteBase", () => {
  test.each([
    // the preview's path
    { site: vitepress("/pr-123/"), prefix: "pr-123/" },
    // nested prefix
    { site: vitepress("/previews/pr-7/"), prefix: "previews/pr-7/" },
    // the bucket root
    { site: vitepress("/"), prefix: "" },
    // not VitePress: nothing to check
    { site: undefined, prefix: "pr-1/" },
  ])("accepts base $site.base for prefix '$prefix'", ({ site, prefix }) => {
    expect(() => checkSiteBase(site, prefix, "dist/index.html")).not.toThrow();
  });

  test.each([
    // built for another preview
    {
      site: vitepress("/pr-1/"),
      prefix: "pr-2/",
      message: 'dist/index.html was built with VitePress base "/pr-1/" but is published to prefix "pr-2/"; expected base "/pr-2/" (set base: "/pr-2/" in the VitePress config and rebuild)',
    },
    // built with the default base for a preview folder
    { site: vitepress("/"), prefix: "pr-2/", message: 'dist/index.html was built with VitePress base "/" but is published to prefix "pr-2/"; expected base "/pr-2/" (set base: "/pr-2/" in the VitePress config and rebuild)' },
    // built for a preview, published to the root
    { site: vitepress("/pr-2/"), prefix: "", message: 'dist/index.html was built with VitePress base "/pr-2/" but is published to prefix ""; expected base "/" (set base: "/" in the VitePress config and rebuild)' },
    // a base without its trailing slash is a different base
    { site: vitepress("/pr-2"), prefix: "pr-2/", message: 'dist/index.html was built with VitePress base "/pr-2" but is published to prefix "pr-2/"; expected base "/pr-2/" (set base: "/pr-2/" in the VitePress config and rebuild)' },
    // VitePress, but the base could not be read
    { site: vitepress(undefined), prefix: "pr-2/", message: 'dist/index.html looks like a VitePress page but shows no base (no __VP_SITE_DATA__ and no /…/assets/ link); expected base "/pr-2/" for prefix "pr-2/"' },
  ])("refuses base $site.base for prefix '$prefix'", ({ site, prefix, message }) => {
    expect(() => checkSiteBase(site, prefix, "dist/index.html")).toThrow(expect.objectContaining({ code: "EXEMPLAR_PUBLISH_BASE_MISMATCH", message }));
  });
});
