// npm run build:ui: bundles the dashboard served at /ui (platform/src/ui/app) into
// platform/dist/ui/dashboard.js. Run by `npm ci` (the root `prepare`, so that `npm run build`
// and `npm test` find it) and, when the sources are newer, by the tests' setup.
import { buildUi } from "../src/ui/build/buildUi.ts";

const { file, bytes } = await buildUi();
console.log(`built ${file} (${(bytes / 1024).toFixed(0)} KiB)`);
