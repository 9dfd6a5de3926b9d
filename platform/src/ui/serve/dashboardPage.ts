import { dashboardStyle } from "./dashboardStyle.ts";

/** The page at `/ui`: a shell for the bundle, which draws everything; `script` is the bundle's URL path. */
export function dashboardPage(script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Envelope dashboard</title>
<style>${dashboardStyle}</style>
</head>
<body>
<noscript>The Envelope dashboard needs JavaScript.</noscript>
<script src="${script}" defer></script>
</body>
</html>
`;
}

/** The page at `/ui` when the bundle was not built: a 503 that says how to build it. */
export function missingBundlePage(bundle: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Dashboard not built</title><style>${dashboardStyle}</style></head>
<body>
<main data-state="not-built">
<h1>The dashboard is not built</h1>
<p>This registry has no dashboard bundle at <code>${bundle.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</code>.
Run <code>npm run build:ui</code> in the repository (it bundles <code>platform/src/ui/app</code> with esbuild), then reload this page.</p>
<p>The registry's JSON API under <code>/v1</code> works without it.</p>
</main>
</body>
</html>
`;
}
