// @ts-check
// `node --import <this file>`: lets the process import TypeScript (see hooks.mjs), gives the files
// of a CommonJS package CommonJS's globals (see commonjsGlobals.mjs), and maps stack traces
// through the source maps the hooks emit. The hooks compile files announced ahead on
// `globalThis[Symbol.for("exemplar.precompile")]` (a MessagePort: post `{ files }`).
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";

process.setSourceMapsEnabled(true);
const { port1, port2 } = new MessageChannel();
register("./hooks.mjs", import.meta.url, { data: { port: port2 }, transferList: [port2] });
// registered last, so its load runs first and adds to what hooks.mjs compiled
register("./commonjsGlobals.mjs", import.meta.url);
port1.unref();
Object.defineProperty(globalThis, Symbol.for("exemplar.precompile"), { value: port1, configurable: true });
