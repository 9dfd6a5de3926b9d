/** For files whose name changes whenever their content does: caches may keep them forever. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";
/** For pages and every other file that keeps its name across builds: revalidate on each use. */
export const REVALIDATE_CACHE_CONTROL = "no-cache";

/**
 * The Cache-Control header for a site file. Immutable only for non-HTML files with a content-hash
 * segment in their name, as Vite and VitePress write them (`assets/app.DQ4RyKo-.js`,
 * `assets/index.md.Corhotjg.lean.js`, and Vite's default `assets/chunk-Bx3kQ9aZ.js`);
 * `no-cache` for everything else. A hash segment is 8+ characters of `[A-Za-z0-9_-]` with a
 * letter and either a digit or both letter cases, so `vendor.bootstrap.js` or
 * `shot-20240115.png` stay `no-cache`; the dash form counts only inside an `assets/` folder,
 * since files copied from `public/` keep whatever dashes their authors gave them. The bias is
 * deliberate: a missed hash costs a revalidation, a wrong "immutable" pins a stale file in
 * browsers for a year.
 */
export function cacheControlFor(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (/\.html?$/i.test(name)) return REVALIDATE_CACHE_CONTROL;
  const parts = name.split(".");
  if (parts.length < 2) return REVALIDATE_CACHE_CONTROL;
  // `name.HASH.ext`, `name.md.HASH.lean.ext`: any dot segment between the name and the extension
  const middle = parts.slice(1, -1);
  // `name-HASH.ext` (Vite's default `[name]-[hash]`): the last dash piece of the stem
  const stem = parts[0]!;
  const dash = stem.lastIndexOf("-");
  const inAssets = /(^|\/)assets\//.test(path);
  const candidates = dash > 0 && inAssets ? [...middle, stem.slice(dash + 1)] : middle;
  return candidates.some(looksLikeHash) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}

function looksLikeHash(segment: string): boolean {
  if (!/^[A-Za-z0-9_-]{8,}$/.test(segment)) return false;
  if (!/[A-Za-z]/.test(segment)) return false;
  return /[0-9]/.test(segment) || (/[a-z]/.test(segment) && /[A-Z]/.test(segment));
}
