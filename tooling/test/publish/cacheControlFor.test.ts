import { describe, expect, test } from "vitest";
import { cacheControlFor } from "../../src/publish/cacheControlFor.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
const NO_CACHE = "no-cache";

describe("cacheControlFor", () => {
  test.each([
    // VitePress app entry, hash ending in "-"
    ["assets/app.DQ4RyKo-.js", IMMUTABLE],
    // VitePress chunks in a subfolder
    ["assets/chunks/theme.DNgXqu1g.js", IMMUTABLE],
    // page chunks carry the page name before the hash, and a ".lean" after it
    ["assets/guide_index.md.C8vYX2VD.lean.js", IMMUTABLE],
    // stylesheet
    ["assets/style.CjxkfIYg.css", IMMUTABLE],
    // font with dashes in the name and "_" in the hash
    ["assets/inter-italic-cyrillic.By2_1cv3.woff2", IMMUTABLE],
    // a hash of letters only, but in both cases
    ["assets/index.md.Corhotjg.js", IMMUTABLE],
    // Vite's default [name]-[hash] inside assets/
    ["assets/chunk-Bx3kQ9aZ.js", IMMUTABLE],
    // webpack-style hex hash as a dot segment
    ["static/js/main.3f9a1c2e.js", IMMUTABLE],
    // pages are entry files, never immutable, even with a hash-like name
    ["index.html", NO_CACHE],
    ["guide/index.html", NO_CACHE],
    ["assets/page.Bx3kQ9aZ.html", NO_CACHE],
    // other entry files keep their names across builds
    ["hashmap.json", NO_CACHE],
    ["vp-icons.css", NO_CACHE],
    ["logo.svg", NO_CACHE],
    ["robots.txt", NO_CACHE],
    ["sitemap.xml", NO_CACHE],
    // a word is not a hash: lower case only, no digit
    ["assets/vendor.bootstrap.js", NO_CACHE],
    // a date is not a hash: no letter
    ["shot.20240115.png", NO_CACHE],
    // the dash form outside assets/ is a name someone chose in public/
    ["img/screenshot-v2final1.png", NO_CACHE],
    // a hash segment shorter than 8 characters
    ["assets/app.Bx3kQ9a.js", NO_CACHE],
    // no extension, dotfiles
    ["CNAME", NO_CACHE],
    [".nojekyll", NO_CACHE],
  ])("%s -> %s", (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});
