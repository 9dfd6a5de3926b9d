import { fileURLToPath } from "node:url";

/** The dashboard's bundle, built by `npm run build:ui` and served at `/ui/dashboard.js`; out of git. */
export const uiBundleFile = fileURLToPath(new URL("../../../dist/ui/dashboard.js", import.meta.url));

/** The folders the bundle is built from. */
export const uiSourceDirs = [fileURLToPath(new URL("../app", import.meta.url)), fileURLToPath(new URL("../core", import.meta.url))];
