// @ts-check
// `node --import <this file>`: lets the process import TypeScript (see hooks.mjs) and maps stack
// traces through the source maps the hooks emit.
import { register } from "node:module";

process.setSourceMapsEnabled(true);
register("./hooks.mjs", import.meta.url);
