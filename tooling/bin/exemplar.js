#!/usr/bin/env node
// Runs the bundled CLI in dist/. In this repository (where src/ exists) it first rebuilds the
// bundle when a source file is newer than it, so that a change in src/ is never run stale; an
// installed package has no src/ and runs what `npm pack` built.
import { existsSync } from "node:fs";

if (existsSync(new URL("../src/", import.meta.url))) {
  const { buildTooling, isStale, stampFile } = await import("../scripts/build.js");
  if (isStale(stampFile)) await buildTooling();
}
const { main } = await import("../dist/cli.js");
process.exitCode = await main(process.argv.slice(2));
