// What `npm ci` leaves in the cache, and nothing else: the build (`prepare`) loads the compiler
// once, which writes its V8 code cache (see tooling/scripts/build.js). Run as a plain
// `node <this file>`, so that the cache is made under the flags the CLI runs with.
import { loadTypeScript } from "../dist/typescript.js";

loadTypeScript();
