/** What one built page says about the site generator and the URL path it was built for. */
export interface SiteBase {
  generator: "vitepress";
  /** VitePress's `base` (`/pr-123/`), or undefined when the page has the signature but no evidence of it */
  base: string | undefined;
  /** where the base was read from, for messages */
  source: "site-data" | "asset-link" | undefined;
}

const SIGNATURE = [/<meta\s[^>]*\bcontent\s*=\s*["']VitePress\b/i, /__VP_SITE_DATA__/, /__VP_HASH_MAP__/];
const SITE_DATA = /__VP_SITE_DATA__\s*=\s*(?:[\w$.]+\()?JSON\.parse\(\s*("(?:[^"\\]|\\.)*")\s*\)/;
// the app entry first, then any script or stylesheet under `assets/`; only site-relative paths
const APP_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["'](\/[^"'?#]*?)assets\/app\.[^"']*\.js["']/i;
const ASSET_LINK = /<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["'](\/[^"'?#]*?)assets\/[^"']+["']/i;

/**
 * Reads the VitePress `base` from one built HTML page: first from `__VP_SITE_DATA__` (the
 * `JSON.parse("…")` VitePress inlines in every page), then from the path in front of `assets/`
 * in the app script or an asset link. Returns undefined for pages without a VitePress signature
 * (generator meta, `__VP_SITE_DATA__` or `__VP_HASH_MAP__`), so other generators skip the check.
 * Pure: reads the text only.
 */
export function detectSiteBase(html: string): SiteBase | undefined {
  if (!SIGNATURE.some((pattern) => pattern.test(html))) return undefined;
  const fromData = baseFromSiteData(html);
  if (fromData !== undefined) return { generator: "vitepress", base: fromData, source: "site-data" };
  const link = APP_SCRIPT.exec(html) ?? ASSET_LINK.exec(html);
  if (link) return { generator: "vitepress", base: link[1]!, source: "asset-link" };
  return { generator: "vitepress", base: undefined, source: undefined };
}

function baseFromSiteData(html: string): string | undefined {
  const match = SITE_DATA.exec(html);
  if (!match) return undefined;
  try {
    // VitePress writes JSON.stringify(JSON.stringify(data)): a JSON string holding JSON
    const data: unknown = JSON.parse(JSON.parse(match[1]!) as string);
    if (typeof data === "object" && data !== null && "base" in data && typeof data.base === "string") return data.base;
  } catch {
    // a hand-edited or future format: fall back to the asset links
  }
  return undefined;
}
