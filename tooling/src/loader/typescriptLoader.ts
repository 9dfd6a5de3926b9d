/**
 * The `--import` module that lets a Node process import TypeScript (see hooks.mjs): run from
 * source it sits beside this file; bundled into dist/, it stays in src/loader.
 */
export const typescriptLoader = new URL(import.meta.url.endsWith(".ts") ? "./register.mjs" : "../src/loader/register.mjs", import.meta.url).href;
