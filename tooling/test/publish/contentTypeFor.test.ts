import { describe, expect, test } from "vitest";
import { contentTypeFor } from "../../src/publish/contentTypeFor.ts";

describe("contentTypeFor", () => {
  test.each([
    // textual types get the charset static site generators write
    ["index.html", "text/html; charset=utf-8"],
    ["assets/app.DQ4RyKo-.js", "text/javascript; charset=utf-8"],
    ["assets/worker.mjs", "text/javascript; charset=utf-8"],
    ["assets/style.CjxkfIYg.css", "text/css; charset=utf-8"],
    ["hashmap.json", "application/json; charset=utf-8"],
    ["sitemap.xml", "application/xml; charset=utf-8"],
    ["logo.svg", "image/svg+xml; charset=utf-8"],
    ["site.webmanifest", "application/manifest+json; charset=utf-8"],
    ["robots.txt", "text/plain; charset=utf-8"],
    // binary types as they are
    ["assets/inter-roman-latin.Di8DUHzh.woff2", "font/woff2"],
    ["hero.png", "image/png"],
    ["assets/module.wasm", "application/wasm"],
    // upper-case extensions are still known
    ["PHOTO.JPG", "image/jpeg"],
    // unknown or missing extensions download rather than guess
    ["CNAME", "application/octet-stream"],
    ["data.unknownext", "application/octet-stream"],
  ])("%s -> %s", (path, expected) => {
    expect(contentTypeFor(path)).toBe(expected);
  });
});
