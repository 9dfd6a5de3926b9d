import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { detectSiteBase } from "../../src/publish/detectSiteBase.ts";

const fixture = (path: string) => readFile(new URL(`fixtures/vitepress-site/${path}`, import.meta.url), "utf8");
const siteData = (base: string) => `<script>window.__VP_SITE_DATA__=JSON.parse(${JSON.stringify(JSON.stringify({ lang: "en-US", base }))});</script>`;
const generator = '<meta name="generator" content="VitePress v1.6.4">';

describe("detectSiteBase", () => {
  test("reads the base of a real VitePress build (fixtures/vitepress-site, built with base /pr-1/)", async () => {
    expect(detectSiteBase(await fixture("index.html"))).toEqual({ generator: "vitepress", base: "/pr-1/", source: "site-data" });
    expect(detectSiteBase(await fixture("404.html"))).toEqual({ generator: "vitepress", base: "/pr-1/", source: "site-data" });
  });

  test.each([
    // site data wins
    { name: "site data", html: `${generator}${siteData("/pr-123/")}`, expected: { generator: "vitepress", base: "/pr-123/", source: "site-data" } },
    // the root base
    { name: "root base", html: siteData("/"), expected: { generator: "vitepress", base: "/", source: "site-data" } },
    // nested base
    { name: "nested base", html: siteData("/previews/pr-7/"), expected: { generator: "vitepress", base: "/previews/pr-7/", source: "site-data" } },
    // older builds wrapped JSON.parse in another call
    {
      name: "wrapped JSON.parse",
      html: `<script>window.__VP_SITE_DATA__ = deserializeFunctions(JSON.parse(${JSON.stringify(JSON.stringify({ base: "/old/" }))}))</script>`,
      expected: { generator: "vitepress", base: "/old/", source: "site-data" },
    },
    // no site data: the app script's path in front of assets/
    {
      name: "app script",
      html: `${generator}<link rel="preload stylesheet" href="/x/assets/style.CjxkfIYg.css"><script type="module" src="/pr-123/assets/app.DQ4RyKo-.js"></script>`,
      expected: { generator: "vitepress", base: "/pr-123/", source: "asset-link" },
    },
    // no site data, no app script: any asset link
    { name: "asset link", html: `${generator}<link rel="modulepreload" href="/pr-9/assets/chunks/theme.DNgXqu1g.js">`, expected: { generator: "vitepress", base: "/pr-9/", source: "asset-link" } },
    // malformed site data falls back to the links
    {
      name: "malformed site data",
      html: `<script>window.__VP_SITE_DATA__=JSON.parse("{not json")</script><script type="module" src="/pr-4/assets/app.DQ4RyKo-.js"></script>`,
      expected: { generator: "vitepress", base: "/pr-4/", source: "asset-link" },
    },
    // the signature without any evidence of the base
    { name: "signature only", html: `<html><head>${generator}</head></html>`, expected: { generator: "vitepress", base: undefined, source: undefined } },
    // CDN URLs are not the site's base
    { name: "absolute asset URL", html: `${generator}<script type="module" src="https://cdn.example.com/assets/app.DQ4RyKo-.js"></script>`, expected: { generator: "vitepress", base: undefined, source: undefined } },
    // not VitePress at all: skip the check, even with assets/ links
    { name: "other generator", html: '<meta name="generator" content="Hugo 0.120"><script src="/pr-1/assets/app.abcd1234.js"></script>', expected: undefined },
    // plain HTML
    { name: "plain html", html: "<!doctype html><title>hi</title><p>hello</p>", expected: undefined },
  ])("$name", ({ html, expected }) => {
    expect(detectSiteBase(html)).toEqual(expected);
  });
});
